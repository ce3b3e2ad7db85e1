// Imported first by every database test: outside vitest.db.config.ts (whose setup
// gives each test file a database of its own) they would write to DATABASE_URL,
// which may be a developer's or a deployment's database. Fail loudly instead.
if (process.env.OPENDEF_TEST_DATABASE !== "1") {
  throw new Error(
    "This is a database test: run it with `TEST_DB=sqlite|postgres npx vitest run --config vitest.db.config.ts`. Refusing to touch DATABASE_URL.",
  );
}
export {};
