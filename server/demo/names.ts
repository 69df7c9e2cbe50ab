// Fictional people: surnames and given names drawn from faker's zh_CN lists, weighted so the
// common surnames (王, 李, 张 ...) dominate the way they do in a real membership roll.
import { fakerZH_CN } from '@faker-js/faker';
import type { Rng } from './prng.js';

export type Sex = '男' | '女';

// Share (per cent) of the 20 most common surnames; together about half of the population.
const COMMON_SURNAMES: readonly [string, number][] = [
  ['王', 7.1],
  ['李', 7.0],
  ['张', 6.7],
  ['刘', 5.4],
  ['陈', 4.5],
  ['杨', 3.1],
  ['黄', 2.2],
  ['赵', 2.0],
  ['吴', 2.0],
  ['周', 1.9],
  ['徐', 1.5],
  ['孙', 1.5],
  ['马', 1.4],
  ['朱', 1.3],
  ['胡', 1.3],
  ['郭', 1.1],
  ['何', 1.1],
  ['高', 1.0],
  ['林', 1.0],
  ['罗', 0.9],
];

const person = fakerZH_CN.definitions.person;
const fakerSurnames = person?.last_name?.generic ?? ['王'];
const fakerGiven: Record<Sex, readonly string[]> = {
  男: person?.first_name?.male ?? ['伟'],
  女: person?.first_name?.female ?? ['芳'],
};

// Faker's given-name lists are short (~80 a sex); composing from common characters gives
// a realistic spread of names without repeating the same few thousand people.
const GIVEN_CHARS: Record<Sex, string> = {
  男: '伟强军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林峰磊建国志海东文晓新亮洋振春德荣成永忠祥立兵',
  女: '芳娜敏静丽艳娟霞秀玲桂英燕红萍雪琳洁梅莉兰婷慧颖琴云倩丹晶佳欣悦蕾露璐瑶怡月华春晓玉凤琼',
};

// The tail: faker's surnames beyond the common ones; the compound ones (欧阳, 司徒) are rare.
const TAIL = fakerSurnames
  .filter((s) => !COMMON_SURNAMES.some(([c]) => c === s))
  .map((s): [string, number] => [s, s.length > 1 ? 0.02 : 1]);
const TAIL_TOTAL = TAIL.reduce((sum, [, w]) => sum + w, 0);
const COMMON_TOTAL = COMMON_SURNAMES.reduce((sum, [, w]) => sum + w, 0);

function pickWeighted(rng: Rng, list: readonly [string, number][], total: number): string {
  let r = rng.next() * total;
  for (const [s, w] of list) {
    r -= w;
    if (r < 0) return s;
  }
  return list[list.length - 1][0];
}

export function surname(rng: Rng): string {
  return rng.next() < COMMON_TOTAL / 100 ? pickWeighted(rng, COMMON_SURNAMES, COMMON_TOTAL) : pickWeighted(rng, TAIL, TAIL_TOTAL);
}

export function personName(rng: Rng, sex: Sex): string {
  const r = rng.next();
  if (r < 0.4) return surname(rng) + rng.pick(fakerGiven[sex]);
  const chars = GIVEN_CHARS[sex];
  const one = chars[rng.int(0, chars.length - 1)];
  // About a quarter of given names are a single character (张伟, 李娜).
  if (r < 0.55) return surname(rng) + one;
  return surname(rng) + one + chars[rng.int(0, chars.length - 1)];
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 35 → 三十五, 108 → 一百零八: for 第一党支部, 第十二党小组. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest);
  return DIGITS[Math.floor(n / 100) % 10] + '百' + tail;
}

export function ordinal(n: number): string {
  return '第' + chineseNumber(n);
}
