// The demo cadres' sources (seed.ts): members of working age by where they work, and each managing
// committee's decision meetings with their document numbers.
import type { Rng } from '../../../demo/prng.js';
import type { Sex } from '../../../demo/names.js';
import { monthOf, type Decision, type Month } from './careers.js';

export interface MemberPick {
  id: number;
  name: string;
  sex: Sex;
  birth: string;
  /** 入党时间, YYYY-MM */
  joined: string | null;
}

/** Members of working age, by where they are (city units or a district) and how close to a 机关 they work. */
export class MemberPools {
  private readonly byUnit = new Map<string, Map<number, MemberPick[]>>();
  private readonly byArea = new Map<string, Map<number, MemberPick[]>>();

  add(key: string, area: string, tier: number, m: MemberPick): void {
    const year = Number(m.birth.slice(0, 4));
    const push = (map: Map<string, Map<number, MemberPick[]>>, k: string) => {
      let years = map.get(k);
      if (!years) map.set(k, (years = new Map()));
      const list = years.get(year);
      if (list) list.push(m);
      else years.set(year, [m]);
    };
    if (key) push(this.byUnit, key);
    push(this.byArea, `${area}:${tier}`);
  }

  /** A member born in `year` (or up to three years either side), from the unit's own organizations first. */
  take(unitKey: string | null, area: string, year: number): MemberPick | null {
    const sources = [unitKey ? this.byUnit.get(unitKey) : undefined, ...[1, 2, 3].map((t) => this.byArea.get(`${area}:${t}`))];
    for (const spread of [0, 1, -1, 2, -2, 3, -3]) {
      for (const years of sources) {
        const list = years?.get(year + spread);
        while (list?.length) {
          const m = list.pop()!;
          if (!this.used.has(m.id)) {
            this.used.add(m.id);
            return m;
          }
        }
      }
    }
    return null;
  }

  readonly used = new Set<number>();
}

/** Decisions of each managing committee: ten-odd meetings a year on working days, documents numbered in order. */
export class Calendar {
  private readonly years = new Map<string, Decision[]>();
  constructor(
    private readonly rng: Rng,
    private readonly asOf: string,
  ) {}

  private meetings(abbr: string, year: number): Decision[] {
    const key = `${abbr}${year}`;
    let list = this.years.get(key);
    if (list) return list;
    const days = new Set<string>();
    const count = this.rng.int(9, 14);
    while (days.size < count) {
      const month = this.rng.int(1, 12);
      const day = this.rng.int(1, 28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && date <= this.asOf) days.add(date);
      if (`${year}-01-01` > this.asOf) break;
    }
    let no = this.rng.int(1, 4);
    list = [...days].sort().map((date) => {
      const d = { date, docNo: `${abbr}组干〔${year}〕${no}号` };
      no += this.rng.int(2, 9);
      return d;
    });
    this.years.set(key, list);
    return list;
  }

  /** The meeting of that year nearest to the month, never after the demo's "today". */
  near(abbr: string, month: Month): Decision {
    for (let year = Math.floor(month / 12); ; year--) {
      const list = this.meetings(abbr, year);
      if (!list.length) continue;
      let best = list[0];
      for (const d of list) if (Math.abs(monthOf(d.date) - month) < Math.abs(monthOf(best.date) - month)) best = d;
      return best;
    }
  }
}
