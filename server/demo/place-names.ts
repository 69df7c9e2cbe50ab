// Made-up places and units for the demo city. Plain, generic words on purpose: no name here
// is meant to point at a real city, county or company.
import type { Rng } from './prng.js';
import { ordinal, surname } from './names.js';

export interface DistrictName {
  name: string;
  suffix: '区' | '县';
  urban: boolean;
}

// Urban districts first, so the first district (the one the demo admins work in) has 街道 and 社区.
const DISTRICTS: readonly DistrictName[] = [
  ['东城', '区'],
  ['西湖', '区'],
  ['青山', '县'],
  ['南岭', '区'],
  ['白水', '县'],
  ['北塘', '区'],
  ['云台', '县'],
  ['新港', '区'],
  ['丰乐', '县'],
  ['安平', '县'],
  ['长宁', '县'],
  ['桃源', '县'],
].map(([name, suffix]) => ({ name: name + suffix, suffix: suffix as '区' | '县', urban: suffix === '区' }));

export const MAX_DISTRICTS = DISTRICTS.length;

export function districtName(index: number): DistrictName {
  return DISTRICTS[index];
}

// Two-character place names from two pools of common characters: 石桥, 柳林, 凤鸣 ...
const TOWN_FIRST = '青石柳桂凤龙白金梅新朝和红丰杏双三五七马沙黄松竹兰清安永长福太平大小高古';
const TOWN_SECOND = '松桥林花鸣泉沙山园华阳坪星河元里坊岗岭湖塘口湾庄店集堡溪川峪';
const COMMUNITY_WORDS = [
  '幸福',
  '和谐',
  '阳光',
  '锦绣',
  '翠苑',
  '东苑',
  '西苑',
  '文化',
  '育才',
  '花园',
  '春晖',
  '紫荆',
  '明珠',
  '金桥',
  '滨江',
  '银杏',
  '康乐',
  '安居',
  '福星',
  '新华',
  '建设',
  '朝阳',
  '和平',
  '胜利',
  '长青',
  '友谊',
  '兴隆',
  '光明',
  '青年',
  '民主',
  '团结',
  '振兴',
  '丽景',
  '景秀',
  '书香',
  '龙湾',
  '凤凰',
  '桂园',
  '枫林',
  '清风',
  '悦来',
  '天鹅',
];
// Villages are mostly named after a clan (李家村, 王庄村), some after a slogan of the 1950s–70s (红旗村).
const VILLAGE_TAILS = '家庄湾坪营寨岗店河桥屯集';
const VILLAGE_WORDS = ['红旗', '新民', '团结', '永丰', '光明', '和平', '前进', '东风', '胜利', '五星', '联合', '向阳', '长兴', '丰收'];
// Company trade names (字号): two auspicious characters, as most small Chinese firms choose.
const BRAND_FIRST = '恒瑞华鑫盛泰宏嘉德润新永兴正金明天中信达';
const BRAND_SECOND = '达丰信源通昌博远诚隆安和盛利泰宇创晟锦辉';
const INDUSTRIES = [
  '科技',
  '机械制造',
  '电子',
  '食品',
  '纺织',
  '物流',
  '建材',
  '新材料',
  '医药',
  '汽车零部件',
  '环保科技',
  '农业开发',
  '建筑工程',
  '商贸',
  '软件',
  '包装',
  '化工',
  '光电',
  '服饰',
  '印务',
];
const ROADS = ['滨江大道', '人民路', '解放路', '建设路', '迎宾大道', '环城北路', '沿河路', '学府路', '工业大道', '青年路'];
const PROJECTS = ['改造工程项目', '建设项目', '综合整治项目', '提升工程项目'];

/** Draws names until one is new to `used`; after many misses falls back to a numbered one. */
export function uniqueName(used: Set<string>, draw: () => string, numbered: (n: number) => string): string {
  for (let i = 0; i < 30; i++) {
    const name = draw();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = numbered(n);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function townshipWord(rng: Rng, used: Set<string>): string {
  return uniqueName(
    used,
    () => rng.pick([...TOWN_FIRST]) + rng.pick([...TOWN_SECOND]),
    (n) => `新${ordinal(n)}`,
  );
}

export function communityName(rng: Rng, used: Set<string>): string {
  const word = () => rng.pick(COMMUNITY_WORDS);
  // Past the word list, "幸福东社区" is how real cities split a community in two.
  return uniqueName(
    used,
    () => word() + '社区',
    (n) => word() + '东西南北中'[n % 5] + '社区',
  );
}

export function villageName(rng: Rng, used: Set<string>): string {
  const draw = () => (rng.chance(0.8) ? surname(rng) + rng.pick([...VILLAGE_TAILS]) : rng.pick(VILLAGE_WORDS)) + '村';
  return uniqueName(used, draw, (n) => `${surname(rng)}${ordinal(n)}村`);
}

export function companyName(rng: Rng, used: Set<string>, city: string): string {
  const draw = () => {
    const brand = rng.pick([...BRAND_FIRST]) + rng.pick([...BRAND_SECOND]);
    return `${city}${brand}${rng.pick(INDUSTRIES)}${rng.chance(0.2) ? '股份' : ''}有限公司`;
  };
  return uniqueName(used, draw, (n) => `${city}${ordinal(n)}${rng.pick(INDUSTRIES)}有限公司`);
}

export function projectName(rng: Rng, used: Set<string>): string {
  return uniqueName(
    used,
    () => rng.pick(ROADS) + rng.pick(PROJECTS),
    (n) => `${ordinal(n)}标段建设项目`,
  );
}
