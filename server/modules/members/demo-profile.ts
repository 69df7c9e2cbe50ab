// Draws the details of one demo member: shares close to the national 党内统计公报 (age bands,
// 汉族 about 92–95%, 大专及以上 a little over half, the occupation mix), shaped by the kind of
// unit the branch is in (village branches farm, school branches teach, community branches are
// mostly retired). All fictional, all from the seeded generator.
import dayjs from 'dayjs';
import type { Rng } from '../../demo/prng.js';
import type { EducationLevel, Occupation } from '../../../domain/member-fields.js';
import { DEV_RULES_2014 } from '../../../domain/rules/development-rule-sets.js';
import { probationEnd } from '../../../domain/rules/development.js';

const { minAge, extensionMinMonths } = DEV_RULES_2014.numbers;

export interface UnitFacts {
  unitType: string | null;
  unitName: string;
  district: string;
}
export interface Profile {
  birthDate: string;
  ethnicity: string;
  eduFulltime: EducationLevel;
  degreeFulltime: string | null;
  eduInservice: EducationLevel | null;
  degreeInservice: string | null;
  occupation: Occupation;
  workUnit: string | null;
  jobPost: string | null;
  admittedOn: string;
  fullOn: string | null;
  phone: string;
  nativePlace: string;
  address: string;
}

const FMT = 'YYYY-MM-DD';
// Age bands of the 公报 (≤30, 31–35, … 56–60, 61+) with their shares in per cent.
const AGE_BANDS: [number, number, number][] = [
  [19, 30, 12.6],
  [31, 35, 10.5],
  [36, 40, 10.4],
  [41, 45, 9.0],
  [46, 50, 9.3],
  [51, 55, 9.6],
  [56, 60, 9.3],
  [61, 90, 29.3],
];
const MINORITIES: [string, number][] = [
  ['回族', 30],
  ['满族', 25],
  ['蒙古族', 12],
  ['壮族', 10],
  ['土家族', 8],
  ['苗族', 6],
  ['朝鲜族', 5],
  ['彝族', 4],
  ['藏族', 2],
  ['维吾尔族', 2],
];
const NATIVE: [string, number][] = [
  ['示范市', 70],
  ['江苏南京', 3],
  ['山东临沂', 3],
  ['河南周口', 3],
  ['安徽阜阳', 3],
  ['河北保定', 2],
  ['湖北黄冈', 2],
  ['四川南充', 2],
  ['湖南邵阳', 2],
  ['浙江温州', 2],
  ['江西赣州', 2],
  ['山西运城', 2],
  ['辽宁沈阳', 2],
  ['陕西渭南', 2],
];
const ROADS = [
  '人民',
  '解放',
  '建设',
  '和平',
  '中山',
  '新华',
  '文化',
  '胜利',
  '友谊',
  '光明',
  '长江',
  '黄河',
  '振兴',
  '幸福',
  '滨河',
  '东风',
];
const POSTS: Partial<Record<Occupation, string[]>> = {
  worker: ['技术工人', '操作工', '班组长', '维修工'],
  professional: ['工程师', '教师', '医师', '会计师', '护士', '技术员', '研究员'],
  manager: ['经理', '副经理', '部门主管', '办公室主任', '行政主管'],
  official: ['科员', '副科长', '科长', '主任科员', '副主任', '一级主任科员'],
  farmer: ['村民'],
};

const weighted = <T>(rng: Rng, items: [T, number][]) => rng.weighted(items, ([, w]) => w)[0];

function age(rng: Rng, probationary: boolean): number {
  // Newly admitted members are young: the 公报 puts about 80% of new members under 35.
  if (probationary) return rng.chance(0.8) ? rng.int(19, 35) : rng.int(36, 50);
  const [lo, hi] = rng.weighted(AGE_BANDS, ([, , w]) => w);
  // Past 61 the numbers thin out with age; a full member has passed a year of probation after 18.
  return lo === 61 ? Math.min(hi, lo + Math.floor(-Math.log(1 - rng.next()) * 9)) : rng.int(Math.max(lo, 21), hi);
}

function education(rng: Rng, a: number, unitType: string | null): EducationLevel {
  const young = a < 40;
  const office = ['organ', 'institution', 'school', 'hospital', 'soe'].includes(unitType ?? '');
  const r = rng.next();
  if (office) return r < 0.25 ? 'postgraduate' : r < 0.75 ? 'bachelor' : r < 0.93 ? 'associate' : 'secondary_vocational';
  if (unitType === 'rural')
    return r < 0.05 ? 'bachelor' : r < 0.2 ? 'associate' : r < 0.45 ? 'high_school' : r < 0.85 ? 'junior_high' : 'primary';
  if (young) return r < 0.12 ? 'postgraduate' : r < 0.55 ? 'bachelor' : r < 0.85 ? 'associate' : 'high_school';
  return r < 0.04
    ? 'postgraduate'
    : r < 0.25
      ? 'bachelor'
      : r < 0.45
        ? 'associate'
        : r < 0.6
          ? 'secondary_vocational'
          : r < 0.82
            ? 'high_school'
            : 'junior_high';
}

function occupation(rng: Rng, a: number, unitType: string | null): Occupation {
  if (a >= 60 && rng.chance(0.85)) return 'retired';
  switch (unitType) {
    case 'rural':
      return rng.chance(0.85) ? 'farmer' : 'other';
    case 'organ':
      return rng.chance(0.9) ? 'official' : 'manager';
    case 'school':
    case 'hospital':
      return a <= 22 && unitType === 'school' && rng.chance(0.6) ? 'student' : rng.chance(0.8) ? 'professional' : 'manager';
    case 'institution':
      return rng.chance(0.6) ? 'professional' : 'manager';
    case 'soe':
    case 'private_enterprise':
      return weighted(rng, [
        ['worker', 40],
        ['professional', 25],
        ['manager', 30],
        ['other', 5],
      ]);
    case 'community':
      return a >= 55
        ? 'retired'
        : weighted(rng, [
            ['other', 50],
            ['worker', 20],
            ['manager', 15],
            ['professional', 15],
          ]);
    default:
      return weighted(rng, [
        ['other', 50],
        ['professional', 20],
        ['manager', 20],
        ['worker', 10],
      ]);
  }
}

const degreeFor = (rng: Rng, edu: EducationLevel) =>
  edu === 'postgraduate' ? (rng.chance(0.15) ? 'doctorate' : 'master') : edu === 'bachelor' ? (rng.chance(0.9) ? 'bachelor' : null) : null;

export function drawProfile(rng: Rng, asOf: string, probationary: boolean, unit: UnitFacts): Profile {
  const a = age(rng, probationary);
  const birthDate = dayjs(asOf).subtract(a, 'year').subtract(rng.int(1, 364), 'day').format(FMT);
  const eduFulltime = education(rng, a, unit.unitType);
  // About one in ten has studied on the job for a higher level (in-service 学历).
  const upgrade = rng.chance(0.1) && ['associate', 'secondary_vocational', 'high_school'].includes(eduFulltime);
  const eduInservice: EducationLevel | null = upgrade ? (eduFulltime === 'associate' ? 'bachelor' : 'associate') : null;
  const occ = occupation(rng, a, unit.unitType);
  let admittedOn: string;
  let fullOn: string | null = null;
  if (probationary) {
    admittedOn = dayjs(asOf).subtract(rng.int(20, 360), 'day').format(FMT);
  } else {
    // Admitted between 18 and about 45, at least a year before the reference date; 转正 one year later (党章第七条), a few extended.
    const earliest = dayjs(birthDate).add(minAge, 'year').add(rng.int(0, 200), 'day');
    const latest = dayjs(asOf).subtract(13, 'month');
    const span = Math.max(0, latest.diff(earliest, 'day'));
    admittedOn = earliest.add(Math.min(span, Math.floor(rng.next() ** 1.6 * Math.min(span, 27 * 365))), 'day').format(FMT);
    fullOn = probationEnd(admittedOn, rng.chance(0.03) ? extensionMinMonths : undefined);
  }
  const working = occ !== 'retired' && occ !== 'farmer' && occ !== 'student';
  // Community branches hold residents who work elsewhere (or not at all): no unit from the branch.
  const workUnit = occ === 'retired' || unit.unitType === 'community' ? null : unit.unitName;
  return {
    birthDate,
    ethnicity: rng.chance(0.93) ? '汉族' : weighted(rng, MINORITIES),
    eduFulltime,
    degreeFulltime: degreeFor(rng, eduFulltime),
    eduInservice,
    degreeInservice: eduInservice === 'bachelor' && rng.chance(0.5) ? 'bachelor' : null,
    occupation: occ,
    workUnit,
    jobPost: workUnit && working ? rng.pick(POSTS[occ] ?? ['职员']) : null,
    admittedOn,
    fullOn,
    phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
    nativePlace: weighted(rng, NATIVE),
    address: `示范市${unit.district}${rng.pick(ROADS)}路${rng.int(1, 399)}号${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`,
  };
}
