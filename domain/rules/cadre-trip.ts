// 因私出国（境） of a cadre (PILLARS.md §3 "Supervision"; issue 13 point 8): the passport held in the organization's
// custody is taken out for an approved trip and handed back within a limit after the return. RULES.md does not
// give the limit, and no national text we could read fixes one day count: 中办发〔2003〕13号 (因私出国（境）证件
// 集中保管) leaves it to local rules, which say 7 or 10 days. The default below is the 10 days of one local rule
// (L: 湖北经济学院党委组织部《关于上交出国（境）证件的通知》2022-04-06, "经批准领用的因私出国（境）证件，应在回国
// 后10日内将证件交回组织部集中保管"); it is versioned data, so a city's own limit is a new set with its date.
import { checkedDay } from './working-days';

export interface TripRules {
  version: string;
  effectiveFrom: string;
  /** Calendar days after the return within which the passport is handed back (the return day not counted). */
  returnDays: number;
  source: string;
}

export const TRIP_RULES: readonly TripRules[] = [
  {
    version: 'local-10d',
    effectiveFrom: '2015-01-01',
    returnDays: 10,
    source: '本地工作要求：回国（境）后 10 日内交回证件集中保管（L）',
  },
];

/** The rule set in force on a date (the latest in force; the oldest before all). */
export function tripRulesOn(onDate: string, sets: readonly TripRules[] = TRIP_RULES): TripRules {
  const inForce = sets.filter((r) => r.effectiveFrom <= onDate).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? sets[0];
}

/** The last day to hand the passport back after a trip ending on `returnOn`, by the set in force that day. */
export function passportDueOn(returnOn: string, sets: readonly TripRules[] = TRIP_RULES): { dueOn: string; rules: TripRules } {
  const rules = tripRulesOn(returnOn, sets);
  return { dueOn: checkedDay(returnOn).add(rules.returnDays, 'day').format('YYYY-MM-DD'), rules };
}

/** What is wrong with a trip's dates, as [field, message] pairs (empty when they hold). */
export function tripDateProblems(t: { departOn: string; returnOn: string; appliedOn: string }): [string, string][] {
  const out: [string, string][] = [];
  if (t.returnOn < t.departOn) out.push(['returnOn', '回国（境）日期早于出发日期']);
  if (t.departOn < t.appliedOn) out.push(['departOn', '出发日期早于申请日期']);
  return out;
}
