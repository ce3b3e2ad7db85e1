/**
 * One Buffer that text is encoded into again and again (docs/decisions/030-export-memory.md).
 * A new Buffer per 64 KiB piece is memory outside V8's heap that is freed only
 * when a collection finds its wrapper: an export's 160 MB of text made about
 * 70 MB of such Buffers wait at once. The bytes returned are valid until the
 * next call.
 */
export class ReusableBuffer {
  private buffer = Buffer.allocUnsafe(256 * 1024);

  /** `text` as UTF-8, in this buffer. */
  encode(text: string): Buffer {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
    return this.buffer.subarray(0, this.buffer.write(text, 0, "utf8"));
  }

  /** The whole buffer, for reading into. */
  get space(): Buffer {
    return this.buffer;
  }
}
