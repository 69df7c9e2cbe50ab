// When a learning plan's completion is behind (issue 14 point 2: reminders to those behind). Not a
// regulation's number but Zugong's stated definition, shown with every reminder: an organization is behind
// when the share of its audience that has completed the plan is below the share of the plan's period that
// has elapsed. It is about organizations, never a ranking of people (RULES.md §9).
import dayjs from 'dayjs';

export const PLAN_BEHIND_DEFINITION =
  '进度滞后：本组织学习对象中已完成计划的人数占比，低于计划期限已过去的天数占比（如期限过半而完成不足一半）。';

/** Days before a plan's end when a learner still short of it gets a reminder of their own. */
export const PLAN_ENDING_DAYS = 14;

/** The share of the period elapsed on `today` (both ends counted as whole days), from 0 to 1. */
export function elapsedShare(startsOn: string, endsOn: string, today: string): number {
  const total = dayjs(endsOn).diff(dayjs(startsOn), 'day') + 1;
  const done = dayjs(today).diff(dayjs(startsOn), 'day') + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, done / total));
}

/** Whether an organization with `completed` of `learners` is behind the plan's time on `today`. */
export function planBehind(completed: number, learners: number, startsOn: string, endsOn: string, today: string): boolean {
  if (learners <= 0 || today < startsOn || today > endsOn) return false;
  return completed / learners < elapsedShare(startsOn, endsOn, today);
}

/** Whether a learner short of a plan is reminded: the plan is open and ends within PLAN_ENDING_DAYS. */
export function learnerReminded(completed: boolean, endsOn: string, today: string): boolean {
  if (completed || today > endsOn) return false;
  return dayjs(endsOn).diff(dayjs(today), 'day') <= PLAN_ENDING_DAYS;
}
