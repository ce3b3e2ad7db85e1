import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been mistyped, or the definition or version may not exist.</p>
      <p><Link href="/">See all definitions</Link></p>
    </>
  );
}
