import { describe, expect, it } from 'vitest';
import { answerPresence, creditBeat, secondsToHours, sharedDevice, STUDY_TIME_2026, type SessionState } from './study-time';

const r = STUDY_TIME_2026;
const start = (over: Partial<SessionState> = {}): SessionState => ({
  anchorAt: 0,
  presenceAt: 0,
  streakFrom: null,
  creditedSeconds: 0,
  materialCreditedSeconds: 0,
  current: true,
  ...over,
});

describe('creditBeat: server time between accepted beats (issue 14 point 3)', () => {
  it.each([
    // [case, beat at (s), visible, rate, length, material credited before, outcome, credit]
    ['a visible beat after 30 s earns 30 s', 30, true, 1, 600, 0, 'credited', 30],
    ['a beat after 20 s (the least) earns 20 s', 20, true, 1, 600, 0, 'credited', 20],
    ['a beat after 60 s earns 60 s', 60, true, 1, 600, 0, 'credited', 60],
    ['a beat sooner than 20 s is not accepted', 10, true, 1, 600, 0, 'too_early', 0],
    ['a late beat (past the 75 s gap) earns nothing for the gap', 300, true, 1, 600, 0, 'gap', 0],
    ['a hidden page earns nothing', 30, false, 1, 600, 0, 'hidden', 0],
    ['a hidden beat is accepted however soon it comes (it only gives time up)', 5, false, 1, 600, 0, 'hidden', 0],
    ['a hidden beat after a long gap is accepted too', 300, false, 1, 600, 0, 'hidden', 0],
    ['2× playback earns real time only', 30, true, 2, 600, 0, 'credited', 30],
    ['16× playback earns real time only', 30, true, 16, 600, 0, 'credited', 30],
    ['never more than the length: 10 s left of 600', 30, true, 1, 600, 590, 'credited', 10],
    ['a material fully credited earns nothing more', 30, true, 1, 600, 600, 'complete', 0],
  ] as const)('%s', (_case, at, visible, rate, length, before, outcome, credit) => {
    const res = creditBeat(start({ materialCreditedSeconds: before }), { at, visible, rate }, length, r);
    expect(res.outcome).toBe(outcome);
    expect(res.credit).toBe(credit);
    expect(res.next.creditedSeconds).toBe(credit);
    expect(res.next.anchorAt).toBe(res.accepted ? at : 0);
  });

  it('credits whole seconds and carries the fraction to the next beat (the ledger keeps whole seconds)', () => {
    let s = start();
    const credits: number[] = [];
    for (const at of [30.7, 60.2, 90.9, 121.0]) {
      const res = creditBeat(s, { at, visible: true, rate: 1 }, 600, r);
      credits.push(res.credit);
      s = res.next;
    }
    // 30.7 s → 30 (0.7 carried); 30.2 → 30 (0.2 carried); 30.9 → 30 (0.9 carried); 31.0 → 31.
    expect(credits).toEqual([30, 30, 30, 31]);
    expect(s.creditedSeconds).toBe(121);
    expect(s.anchorAt).toBe(121);
    // Capped by the length: the anchor moves to the beat (nothing is left to carry).
    const capped = creditBeat(start({ materialCreditedSeconds: 590 }), { at: 30.5, visible: true, rate: 1 }, 600, r);
    expect([capped.credit, capped.next.anchorAt]).toEqual([10, 30.5]);
  });

  it('flags playback above the allowed 1.5× but still credits real time', () => {
    expect(creditBeat(start(), { at: 30, visible: true, rate: 1.5 }, 600).fastPlayback).toBe(false);
    const fast = creditBeat(start(), { at: 30, visible: true, rate: 2 }, 600);
    expect([fast.fastPlayback, fast.credit]).toEqual([true, 30]);
  });

  it('a session taken over by another device earns nothing and is not accepted', () => {
    const res = creditBeat(start({ current: false }), { at: 30, visible: true, rate: 1 }, 600);
    expect([res.outcome, res.credit, res.accepted]).toEqual(['superseded', 0, false]);
  });

  it('after 20 minutes without a presence answer the server stops crediting until answered', () => {
    let s = start();
    let total = 0;
    for (let at = 30; at <= 20 * 60; at += 30) {
      const res = creditBeat(s, { at, visible: true, rate: 1 }, 7200);
      total += res.credit;
      s = res.next;
    }
    expect(total).toBe(1200);
    const waiting = creditBeat(s, { at: 1230, visible: true, rate: 1 }, 7200);
    expect([waiting.outcome, waiting.credit]).toEqual(['presence_required', 0]);
    // Answered 5 minutes later: the wait earns nothing, crediting resumes from the answer.
    s = answerPresence(waiting.next, 1500);
    const again = creditBeat(s, { at: 1530, visible: true, rate: 1 }, 7200);
    expect([again.outcome, again.credit, again.next.creditedSeconds]).toEqual(['credited', 30, 1230]);
  });

  it('flags a session that earns for 4 hours without a pause, once', () => {
    const rules = { ...r, presenceSeconds: 10 * 3600 };
    let s = start();
    const flags: number[] = [];
    for (let at = 30; at <= 5 * 3600; at += 30) {
      const res = creditBeat(s, { at, visible: true, rate: 1 }, 10 * 3600, rules);
      if (res.nonstop) flags.push(at);
      s = res.next;
    }
    expect(flags).toEqual([4 * 3600]);
  });

  it('a pause (a hidden beat) restarts the no-pause count', () => {
    const rules = { ...r, presenceSeconds: 10 * 3600 };
    let s = start();
    let flagged = false;
    for (let at = 30; at <= 5 * 3600; at += 30) {
      const res = creditBeat(s, { at, visible: at !== 3 * 3600, rate: 1 }, 10 * 3600, rules);
      flagged ||= res.nonstop;
      s = res.next;
    }
    expect(flagged).toBe(false);
  });
});

describe('shared devices and hours', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [7, true],
  ])('%i accounts from one address within the hour: flagged %s', (n, flagged) => {
    expect(sharedDevice(n)).toBe(flagged);
  });

  it.each([
    [0, 0],
    [179, 0],
    [180, 0.1],
    [1800, 0.5],
    [3600, 1],
    [5400, 1.5],
  ])('%i seconds are %s 学时', (s, h) => {
    expect(secondsToHours(s)).toBe(h);
  });
});
