// Small formatters shared by the learning pages.

/** Seconds as h:mm:ss (or m:ss under an hour). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A share 0–1 as a percentage with one decimal; a dash without learners. */
export const percent = (share: number | null): string => (share == null ? '—' : `${(share * 100).toFixed(1)}%`);
