import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id of the same shape as Prisma's cuid() default: 25 lower-case
 * letters and digits, "c", the time, a per-process counter (ids made in the same
 * millisecond sort in the order they were made, as cuid's do), then 60 random
 * bits. For a row whose id must be known before it is written: a top-level
 * comment is its own thread's root, so one INSERT can write both.
 */
export function newId(now = Date.now()): string {
  const time = now.toString(36).padStart(8, "0").slice(-8);
  counter = (counter + 1) % 36 ** 4;
  let random = "";
  for (const byte of randomBytes(12)) random += (byte % 32).toString(32);
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}
