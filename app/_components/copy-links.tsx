"use client";
import { useEffect } from "react";

/**
 * "Copy link" on comments (lib/comments/comment-markup.ts): a plain link to the
 * permalink, so without JavaScript it opens (and can be copied from the browser's
 * menu). With JavaScript, one listener for the whole page copies the full address
 * instead and says so in the live region beside the link: a thread's comments are
 * markup, not a component each.
 */
export function CopyLinks() {
  useEffect(() => {
    const copy = async (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a.copy-link") : null;
      if (!(link instanceof HTMLAnchorElement) || !navigator.clipboard) return;
      // A click meant to open the link elsewhere (new tab, window) still does.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      try {
        await navigator.clipboard.writeText(link.href);
        const status = link.nextElementSibling;
        if (status?.getAttribute("aria-live")) status.textContent = "Link copied";
      } catch {
        // No permission to write the clipboard: open the permalink, as without JavaScript.
        window.location.assign(link.href);
      }
    };
    document.addEventListener("click", copy);
    return () => document.removeEventListener("click", copy);
  }, []);
  return null;
}
