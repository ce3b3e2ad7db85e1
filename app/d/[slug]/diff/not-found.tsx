import Link from "next/link";

export default function DiffNotFound() {
  return (
    <>
      <h1>No such versions to compare</h1>
      <p>One of the versions in this comparison does not exist. Each definition&apos;s history page lists its versions and links every pair of neighbours.</p>
      <p><Link href="/">All definitions</Link></p>
    </>
  );
}
