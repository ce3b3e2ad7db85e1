// Assertions on refusals, shared by the database tests of every domain.
import { expect } from "vitest";
import { AppError } from "@/lib/errors/app-error";

/** The AppError that `promise` was refused with; fails the test when it resolved or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Expects `promise` refused with `code` (and a message matching `message`, if given). */
export async function expectRefused(promise: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}
