"use client";
import { createContext, useContext, useState, type ReactNode } from "react";

// A form answered in place (ActionForm's inPlace="slot") hands what the server
// rendered to the nearest slot: the edited comment replaces its article, a vote
// replaces the tally. The rest of the page stays as it was: nothing re-renders it.
const SlotContext = createContext<((node: ReactNode) => void) | null>(null);
const ShownContext = createContext<ReactNode | undefined>(undefined);

/**
 * `renderedAs`: what the server last rendered here (a tally's counts, a comment's
 * text). When a navigation renders something new, the slot shows the page's children
 * again. A key would do the same but would also change the form's place in the tree,
 * and a form posted without JavaScript finds its answer (the refusal's message) by
 * that place: a vote refused after someone else's vote would lose it.
 */
export function InPlace({ children, renderedAs }: { children: ReactNode; renderedAs: string | number }) {
  const [shown, setShown] = useState<ReactNode | undefined>(undefined);
  const [seen, setSeen] = useState(renderedAs);
  if (seen !== renderedAs) {
    setSeen(renderedAs);
    setShown(undefined);
  }
  return (
    <SlotContext.Provider value={setShown}>
      <ShownContext.Provider value={shown}>{children}</ShownContext.Provider>
    </SlotContext.Provider>
  );
}

/** What the server rendered after the last answered form, or the page's own children until then. */
export function InPlaceSlot({ children }: { children: ReactNode }) {
  const shown = useContext(ShownContext);
  return <>{shown === undefined ? children : shown}</>;
}

export function useInPlaceSlot() {
  return useContext(SlotContext);
}
