// One demo person's steps: a plausible timeline that keeps every rule of the 2014 set, cut at a
// target step and moved so that it ends on a chosen date. The seeder checks it with checkStep.
import dayjs from 'dayjs';
import type { Rng } from '../../demo/prng.js';
import type { FullOutcome } from '../../../domain/rules/development-steps.js';

export interface PlannedStep {
  stepNo: number;
  doneOn: string;
  outcome?: FullOutcome;
  extensionMonths?: number;
  vote?: { shouldAttend: number; present: number; inFavor: number; against: number; abstain: number };
  trainingDays?: number;
  reviewPassed?: boolean;
}

const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

function meeting(rng: Rng, shouldAttend: number) {
  const present = Math.min(shouldAttend, Math.floor(shouldAttend / 2) + 1 + rng.int(0, Math.ceil(shouldAttend / 2)));
  const inFavor = Math.max(Math.floor(shouldAttend / 2) + 1, present - rng.int(0, 1));
  const against = rng.int(0, present - Math.min(present, inFavor));
  return { shouldAttend, present, inFavor: Math.min(inFavor, present), against, abstain: present - Math.min(inFavor, present) - against };
}

/** The whole route from application to archiving, starting on `start`; `extend` adds one 6-month extension. */
export function fullTimeline(rng: Rng, start: string, shouldAttend: number, extend: boolean): PlannedStep[] {
  const out: PlannedStep[] = [];
  let d = dayjs(start);
  const at = (stepNo: number, days: [number, number], extra: Partial<PlannedStep> = {}) => {
    d = d.add(rng.int(days[0], days[1]), 'day');
    out.push({ stepNo, doneOn: fmt(d), ...extra });
  };
  at(1, [0, 0]);
  at(2, [5, 25]);
  at(3, [30, 120]);
  const activist = d;
  at(4, [3, 12]);
  at(5, [1, 8]);
  // Half-yearly assessments (≤ 175 days apart keeps inside six months), then a candidate after a year and a bit.
  d = activist;
  at(6, [150, 170]);
  at(6, [150, 170]);
  d = activist.add(12, 'month');
  at(7, [5, 40]);
  at(8, [3, 12]);
  at(9, [3, 15]);
  at(10, [10, 40], { reviewPassed: true });
  at(11, [5, 25], { trainingDays: rng.int(3, 5) });
  at(12, [10, 30]);
  at(13, [5, 15]);
  at(14, [3, 12]);
  at(15, [5, 20], { vote: meeting(rng, shouldAttend) });
  const admitted = d;
  at(16, [5, 25]);
  at(17, [15, 55]);
  at(18, [1, 6]);
  at(19, [1, 5]);
  at(20, [1, 10]);
  d = admitted;
  at(21, [140, 160]);
  at(21, [140, 160]);
  let end = admitted.add(12, 'month');
  const discuss = (outcome: FullOutcome, extensionMonths?: number) => {
    d = end.subtract(rng.int(2, 20), 'day');
    out.push({ stepNo: 22, doneOn: fmt(d) });
    d = end;
    at(23, [2, 20], { vote: meeting(rng, shouldAttend), outcome, extensionMonths });
    at(24, [10, 30]);
  };
  if (extend) {
    discuss('extend', 6);
    end = admitted.add(18, 'month');
    at(21, [5, 20]);
  }
  discuss('full');
  at(25, [5, 30]);
  return out;
}

/** The timeline up to the first record of `target` (for ⑥ and ㉑: the first assessment), moved to end on `endOn`. */
export function cutAndShift(steps: PlannedStep[], target: number, endOn: string): PlannedStep[] {
  const cut = steps.slice(0, steps.findIndex((s) => s.stepNo === target) + 1);
  const shift = dayjs(endOn).diff(dayjs(cut[cut.length - 1].doneOn), 'day');
  return cut.map((s) => ({ ...s, doneOn: fmt(dayjs(s.doneOn).add(shift, 'day')) }));
}
