"use client";
import { useEffect } from "react";

/**
 * After a comment is posted the page lands on #comment-<id>; moving focus there
 * (not only scrolling) lets keyboard and screen-reader users continue from it.
 */
export function FocusTarget() {
  useEffect(() => {
    const focusHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("comment-")) return;
      document.getElementById(id)?.focus({ preventScroll: false });
    };
    focusHash();
    window.addEventListener("hashchange", focusHash);
    return () => window.removeEventListener("hashchange", focusHash);
  });
  return null;
}
