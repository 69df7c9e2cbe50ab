// The age printed on the 干部任免审批表 (RULES.md §7, PILLARS.md §2: "age in years at 计算年龄时间").
// Cadre forms count age by month, not by day: a .lrmx birth date is usually only YYYYMM, so the
// birth month counts as reached on its first day, whatever day of it the person was born.

const parts = (d: string): [number, number] | null => {
  const m = /^(\d{4})-(\d{2})/.exec(d);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/** Whole years between the birth month and the month of `day` (YYYY-MM or YYYY-MM-DD); null without a
 * birth date or when the birth lies after the day. */
export function ageOn(birth: string | null, day: string): number | null {
  const b = birth ? parts(birth) : null;
  const d = parts(day);
  if (!b || !d) return null;
  const age = d[0] - b[0] - (d[1] < b[1] ? 1 : 0);
  return age >= 0 ? age : null;
}
