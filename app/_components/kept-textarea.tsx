"use client";
import { useLayoutEffect, useRef, useState, useSyncExternalStore, type ComponentProps } from "react";

/** Nothing to subscribe to: useSyncExternalStore tells hydration (its server snapshot) from a render on the client. */
const noSubscription = () => () => {};

/**
 * Keeps what someone typed into a textarea before the page's scripts ran. Hydration
 * sets a textarea that has starting text back to it (react-dom's initTextarea), so an
 * edit typed on a slow connection would be lost and the old text sent. The component
 * calling this renders before its textarea, so while hydrating it can read the box
 * before React reaches it; a layout effect then puts the text back. Only while
 * hydrating: in a navigation on the client, a box of the same id may still be the
 * previous page's. Returns the ref to put on the textarea.
 */
export function useTextTypedBeforeHydration(id: string | undefined) {
  const box = useRef<HTMLTextAreaElement>(null);
  const hydrating = useSyncExternalStore(noSubscription, () => false, () => true);
  const [typed] = useState(() =>
    hydrating && id && typeof document !== "undefined" ? (document.getElementById(id) as HTMLTextAreaElement | null)?.value : undefined,
  );
  useLayoutEffect(() => {
    // Only a box that hydration set back to its starting text: what shows anything else
    // was typed after the read above (while React hydrated) and is newer than `typed`.
    const element = box.current;
    if (element && typed !== undefined && element.value === element.defaultValue && element.value !== typed) element.value = typed;
  }, [typed]);
  return box;
}

/** A textarea with starting text (defaultValue) that keeps what was typed before hydration. */
export function KeptTextarea(props: Omit<ComponentProps<"textarea">, "ref"> & { id: string }) {
  const box = useTextTypedBeforeHydration(props.id);
  return <textarea {...props} ref={box} />;
}
