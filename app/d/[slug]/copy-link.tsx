"use client";
import { useState } from "react";

/**
 * "Copy link" on a comment: a plain link to its permalink, so without JavaScript
 * it opens (and can be copied from the browser's menu); with JavaScript a click
 * copies the full address instead and says so.
 */
export function CopyLink({ href, about }: { href: string; about: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <a
        href={href}
        className="copy-link"
        onClick={async (event) => {
          if (!navigator.clipboard) return;
          event.preventDefault();
          try {
            await navigator.clipboard.writeText(new URL(href, window.location.href).href);
            setCopied(true);
          } catch {
            // No permission to write the clipboard: open the permalink, as without JavaScript.
            window.location.assign(href);
          }
        }}
      >
        Copy link<span className="visually-hidden"> to {about}</span>
      </a>
      {/* A live region without the status role: a thread has many, and each comment's own status (a flag's thanks) stays the one. */}
      <span aria-live="polite" className="muted">{copied ? "Link copied" : ""}</span>
    </>
  );
}
