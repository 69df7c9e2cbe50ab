// COPY's text format (server/db/bulk.ts): rows as tab-separated lines, as a string or as UTF-8
// bytes built line by line. Kept apart from bulk.ts so that a reading thread (the member import's)
// can build the bytes without loading the database drivers.

/** One value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : s;
}

/** One row as a line of COPY text: the given columns, in order. */
export function copyLine<R extends object>(row: R, columns: readonly (keyof R & string)[]): string {
  return columns.map((c) => copyValue(row[c])).join('\t') + '\n';
}

/** Rows as COPY text: the given columns of each row, in order. */
export function copyText<R extends object>(rows: readonly R[], columns: readonly (keyof R & string)[]): string {
  let out = '';
  for (const r of rows) out += copyLine(r, columns);
  return out;
}

/**
 * Lines of COPY text gathered as UTF-8 bytes in a buffer of their own: a batch waits as one block
 * outside the JavaScript heap (not as thousands of strings its collector must trace and promote),
 * and can be handed to another thread without a copy (its `buffer` is transferable).
 */
export class CopyBytes {
  private static readonly utf8 = new TextEncoder();
  private bytes: Uint8Array<ArrayBuffer>;
  private length = 0;
  /** `buffer(size)` gives a buffer of at least `size` bytes: a new one, or one used before (read-worker.ts recycles them). */
  constructor(
    capacity = 1 << 20,
    private readonly buffer: (size: number) => Uint8Array<ArrayBuffer> = (size) => new Uint8Array(size),
  ) {
    this.bytes = this.buffer(capacity);
  }

  /** Appends one row as a line (copyLine). */
  add<R extends object>(row: R, columns: readonly (keyof R & string)[]): void {
    const line = copyLine(row, columns);
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    const need = this.length + 3 * line.length;
    if (need > this.bytes.length) {
      const grown = this.buffer(Math.max(need, 2 * this.bytes.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += CopyBytes.utf8.encodeInto(line, this.bytes.subarray(this.length)).written;
  }

  /** The lines so far (a view of the buffer, which is left to the caller), and a fresh buffer as large for the next ones. */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = this.buffer(this.bytes.length);
    this.length = 0;
    return out;
  }
}
