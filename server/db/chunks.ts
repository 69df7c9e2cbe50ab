// Rows in batches of at most `size`, for statements that take many rows at once: each statement's
// parameters and size stay bounded whatever the number of rows (none for none).
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
