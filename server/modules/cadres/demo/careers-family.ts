// A demo cadre's family (spouse, children, parents; a few relatives abroad) and rewards and punishments,
// drawn from the seeded generator for careers.ts.
import type { Rng } from '../../../demo/prng.js';
import { personName, type Sex } from '../../../demo/names.js';
import { SCHOOLS } from './career-tables.js';
import { monthOf, ymOf, type DraftFamily, type DraftReward, type Month, type Person, type Slot } from './careers.js';

const COUNTRIES: readonly [string, string][] = [
  ['美国', '定居'],
  ['加拿大', '定居'],
  ['澳大利亚', '定居'],
  ['英国', '留学'],
  ['新西兰', '定居'],
  ['日本', '留学'],
  ['新加坡', '工作'],
  ['德国', '留学'],
];
const SPOUSE_POSTS = [
  '示范市第一中学教师',
  '示范市第一人民医院医生',
  '示范市财政局科员',
  '示范市城市建设投资集团有限公司职员',
  '示范市实验小学教师',
  '示范市税务局科员',
  '示范市中心医院护士',
  '示范市建设银行职员',
  '个体经营',
  '示范市市场监督管理局四级主任科员',
];
const PARENT_POSTS_ALIVE = ['退休', '务农', '示范市某厂退休职工', '示范市教育局退休干部', '个体经营', '退休教师'];

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

const surnameOf = (name: string) => name.slice(0, 1);
const givenOf = (rng: Rng, sex: Sex) => personName(rng, sex).slice(1);

export function drawFamily(rng: Rng, p: Person, asOfM: Month): DraftFamily[] {
  const out: DraftFamily[] = [];
  const birthM = monthOf(p.birth);
  const age = (m: Month) => Math.floor((asOfM - m) / 12);
  const spouseSex: Sex = p.sex === '男' ? '女' : '男';
  let childSurname = surnameOf(p.name);
  if (rng.chance(0.95)) {
    const spouseName = personName(rng, spouseSex);
    if (p.sex === '女') childSurname = surnameOf(spouseName);
    const abroad = rng.chance(0.004);
    out.push({
      relation: p.sex === '男' ? '妻子' : '丈夫',
      name: spouseName,
      birth: ymOf(birthM + rng.int(-48, 36)),
      political: rng.chance(0.55) ? '中共党员' : '群众',
      workPost: abroad ? '在加拿大定居' : pick(rng, SPOUSE_POSTS),
      deceased: false,
      abroadCountry: abroad ? '加拿大' : null,
      abroadStatus: abroad ? '定居' : null,
    });
  }
  const children = rng.chance(0.05) ? 0 : rng.chance(0.75) ? 1 : 2;
  for (let i = 0; i < children; i++) {
    const sex: Sex = rng.chance(0.5) ? '男' : '女';
    const born = birthM + rng.int(25, 34) * 12 + i * rng.int(24, 72) + rng.int(0, 11);
    if (born > asOfM - 6) continue;
    const a = age(born);
    const abroad = a >= 18 && rng.chance(0.03) ? pick(rng, COUNTRIES) : null;
    out.push({
      relation: sex === '男' ? '儿子' : '女儿',
      name: childSurname + givenOf(rng, sex),
      birth: ymOf(born),
      political: a >= 22 && rng.chance(0.3) ? '中共党员' : a >= 14 && a < 28 ? '共青团员' : '群众',
      workPost: abroad
        ? `在${abroad[0]}${a < 27 ? '留学' : abroad[1]}`
        : a < 7
          ? ''
          : a < 12
            ? '示范市实验小学学生'
            : a < 18
              ? '示范市第一中学学生'
              : a < 23
                ? `${pick(rng, SCHOOLS.大学)}学生`
                : pick(rng, SPOUSE_POSTS),
      deceased: false,
      abroadCountry: abroad ? abroad[0] : null,
      abroadStatus: abroad ? (a < 27 ? '留学' : abroad[1]) : null,
    });
  }
  for (const [relation, sex] of [
    ['父亲', '男'],
    ['母亲', '女'],
  ] as const) {
    const born = birthM - rng.int(22, 34) * 12 - rng.int(0, 11);
    const a = age(born);
    const deceased = a > 95 || rng.chance(Math.max(0, (a - 62) / 40));
    out.push({
      relation,
      name: relation === '父亲' ? surnameOf(p.name) + givenOf(rng, sex) : personName(rng, sex),
      birth: ymOf(born),
      political: rng.chance(0.4) ? '中共党员' : '群众',
      workPost: deceased ? '已去世' : pick(rng, PARENT_POSTS_ALIVE),
      deceased,
      abroadCountry: null,
      abroadStatus: null,
    });
  }
  return out;
}

export function drawRewards(rng: Rng, asOf: string, slot: Slot): DraftReward[] {
  const out: DraftReward[] = [];
  const year = Number(asOf.slice(0, 4));
  if (rng.chance(0.1)) {
    const y = rng.int(year - 8, year - 1);
    out.push({
      kind: 'reward',
      onDate: `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-15`,
      text: pick(rng, [
        `${y}年被示范市委评为优秀共产党员`,
        `${y}年被示范市委、市政府记三等功`,
        `${y}年被评为全省优秀公务员`,
        `${y}年被示范市委评为优秀党务工作者`,
        `${y}年获示范市脱贫攻坚先进个人称号`,
      ]),
      onForm: true,
      until: null,
    });
  }
  if (rng.chance(0.015)) {
    const y = rng.int(year - 5, year - 1);
    const on = `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-20`;
    // 党内警告: six months of consequences (条例第四十一条); 诫勉 is not a sanction and not on the form.
    const warning = rng.chance(0.5);
    out.push({
      kind: 'punishment',
      onDate: on,
      text: warning ? `${y}年受到党内警告处分` : `${y}年受到诫勉`,
      onForm: warning,
      until: warning
        ? `${y + (Number(on.slice(5, 7)) > 6 ? 1 : 0)}-${String(((Number(on.slice(5, 7)) + 5) % 12) + 1).padStart(2, '0')}-20`
        : null,
    });
  }
  if (slot.unit.grassroots && rng.chance(0.05)) {
    out.push({
      kind: 'reward',
      onDate: `${year - 2}-06-30`,
      text: `${year - 2}年被评为示范市优秀乡镇党委书记`,
      onForm: false,
      until: null,
    });
  }
  return out;
}
