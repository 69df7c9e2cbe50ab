// Starts the import's reading thread (read-worker.ts) when the upload begins, and hands its batches to the job one at a
// time, sending a credit back for each one the job has taken, so the thread reads at most two
// batches ahead of the database.
import { Worker } from 'node:worker_threads';
import type { TImportError } from '../../../../domain/schemas/members.js';
import type { Keys } from '../../../crypto/keys.js';
import { AppError } from '../../../errors.js';
import type { ScopeOrg } from './validate-row.js';

export interface ReadRequest {
  /** The uploaded file (already checked by xlsx-guard.ts). */
  file: Uint8Array;
  /** The organizations of the importer's subtree. */
  orgs: ScopeOrg[];
  today: string;
  keys: Pick<Keys, 'sm4' | 'hmac'>;
  /** Rows per batch, and in the first one. */
  batch: number;
  firstBatch: number;
  /** Whether the records travel apart from the staged hashes (written while reading) or staged with them. */
  recordsApart: boolean;
  /** At most this many errors per batch are sent (the job reports that many in all). */
  maxErrors: number;
}

/** One batch: the running counts, the batch's first errors, and its rows as COPY text in UTF-8 (import/stage.ts). */
export interface ReadBatch {
  type: 'batch';
  rowsRead: number;
  rowsValid: number;
  errorCount: number;
  errors: TImportError[];
  staged: Uint8Array<ArrayBuffer>;
  records: Uint8Array<ArrayBuffer>;
}

export interface ReadFailure {
  type: 'failed';
  /** An AppError's code (a missing column, too many rows), or null for anything else. */
  code: string | null;
  message: string;
  status: number;
  field: string | null;
}

type ReadMessage = ReadBatch | ReadFailure | { type: 'end' };

/**
 * The reading thread's young generation, in MB. ExcelJS makes about 40 KB of short-lived objects a
 * row; in V8's default young generation many live through two scavenges and fill the old
 * generation with garbage, and collecting it was a quarter of the import's time.
 */
const YOUNG_GENERATION_MB = 64;

/** A reading thread started before its file is known, so that it loads while the upload arrives and is checked. */
export interface PreparedReader {
  /**
   * The file's batches as the thread reads them; `next()` lets it read one more, and `recycle(bytes)`
   * hands one of its buffers back once the database has its rows, for the thread to build a later
   * batch in. Left to the collector instead, the buffers piled up in this thread, which allocates too
   * little to collect often: about 50 MB by the end of a 100,000-row file. Once only.
   */
  read(request: ReadRequest): AsyncGenerator<ReadBatch & { next(): void; recycle(bytes: Uint8Array<ArrayBuffer>): void }>;
  /** Stops the thread (an upload refused, a job that failed before reading); nothing if it has already stopped. */
  cancel(): Promise<void>;
}

/**
 * Threads started ahead of their file at once. Each upload would otherwise start one before it has
 * passed its checks, and many uploads at once would hold as many threads (about 50 MB each).
 */
const EARLY_THREADS = 2;
let early = 0;
/** Threads started ahead of their file and still running (the test of the bound). */
export const earlyThreads = (): number => early;

/**
 * A reading thread: started now, to load its modules (ExcelJS, the checks, pinyin; about half a
 * second) while the upload is received and checked, then wait for the file; or, when EARLY_THREADS
 * are already out, started when the job reads.
 */
export function prepareReader(): PreparedReader {
  const queue: ReadMessage[] = [];
  let wake: (() => void) | null = null;
  let stopped: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let worker: Worker | null = null;
  const thread = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (m: ReadMessage) => {
      queue.push(m);
      notify();
    });
    worker.on('error', (e) => {
      stopped = e;
      notify();
    });
    worker.on('exit', (code) => {
      stopped ??= new Error(`import reader stopped (${code})`);
      notify();
    });
    return worker;
  };
  if (early < EARLY_THREADS) {
    early++;
    thread().once('exit', () => early--);
  }
  const cancel = async () => {
    await worker?.terminate();
  };
  async function* read(request: ReadRequest) {
    const w = thread();
    try {
      w.postMessage({ type: 'start', request });
      for (;;) {
        while (!queue.length && !stopped) await new Promise<void>((resolve) => (wake = resolve));
        const m = queue.shift();
        if (!m) throw stopped ?? new Error('import reader stopped');
        if (m.type === 'end') return;
        if (m.type === 'failed') throw m.code ? new AppError(m.code, m.message, m.status, m.field ?? undefined) : new Error(m.message);
        yield {
          ...m,
          next: () => w.postMessage('credit'),
          recycle: (bytes: Uint8Array<ArrayBuffer>) => {
            if (!stopped && bytes.buffer.byteLength > 0) w.postMessage(bytes.buffer, [bytes.buffer]);
          },
        };
      }
    } finally {
      await cancel();
    }
  }
  return { read, cancel };
}
