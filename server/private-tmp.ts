// Temporary files of this process live in a private folder of the data directory (mode 700), never in
// the shared system temp folder: an upload is held in memory, but a library may still spill to disk
// (ExcelJS writes a worksheet it cannot parse yet to a temp file). Whatever a killed process left
// there (personal data included) is swept at the next start (issue 11.9).
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Points TMPDIR (read by os.tmpdir() on every call) at DATA_DIR/tmp and empties it; returns what was swept. */
export function usePrivateTmp(dataDir: string): { dir: string; swept: number } {
  const dir = path.join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const leftovers = readdirSync(dir);
  for (const name of leftovers) rmSync(path.join(dir, name), { recursive: true, force: true });
  process.env.TMPDIR = dir;
  return { dir, swept: leftovers.length };
}
