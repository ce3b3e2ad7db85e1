"use client";

// Never shows the error itself: details go to the server log only.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>Something failed on our side. Nothing you did caused it. Try again in a moment.</p>
      <button type="button" onClick={() => reset()}>Try again</button>
    </>
  );
}
