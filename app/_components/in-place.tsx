"use client";
import { createContext, useContext, useState, type ReactNode } from "react";

// A form answered in place (ActionForm's inPlace="slot") hands what the server
// rendered to the nearest slot: the edited comment replaces its article, a vote
// replaces the tally. The rest of the page stays as it was: nothing re-renders it.
const SlotContext = createContext<((node: ReactNode) => void) | null>(null);
const ShownContext = createContext<ReactNode | undefined>(undefined);

export function InPlace({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<ReactNode | undefined>(undefined);
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
