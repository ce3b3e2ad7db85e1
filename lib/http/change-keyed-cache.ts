// What a process read from the database for a page, kept while the database says
// nothing it depends on changed (docs/decisions/026-signed-in-page-speed.md). The
// caller reads a change counter first (one indexed query) and passes it in: an entry
// stored under another counter is read afresh. Nothing expires by time, so the
// counter decides freshness, and every process (and every instance on PostgreSQL)
// sees a write as soon as it is committed. A value that also changes with the
// clock (an amendment's vote closing) says until when it holds (`validUntil`).

export class ChangeKeyedCache<T> {
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  private readonly entries = new Map<string, { counter: number; value: Promise<T>; validUntil: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly validUntil: (value: T) => number = () => Infinity,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error("maxEntries is a whole number above 0");
  }

  /**
   * The value kept for `key` if it was read under `counter`, else `load()`'s. The
   * counter must be read before `load` starts: what load reads is then at least as
   * new as the counter it is kept under. Callers that ask at once share one load; a
   * load that fails is not kept.
   */
  get(key: string, counter: number, load: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found && found.counter === counter && this.now() < found.validUntil) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value;
    }
    // A newer counter replaces an older entry; a reader holding an older counter
    // (it read it before a write) loads for itself and does not put the old one back.
    if (found && found.counter > counter) return load();
    const value = load();
    // Until it is loaded, readers share the load; then it holds until its validUntil.
    const entry = { counter, value, validUntil: Infinity };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      (loaded) => {
        entry.validUntil = this.validUntil(loaded);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
