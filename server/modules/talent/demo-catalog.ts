// The registry demo's fixed vocabulary (fictional): the two tier sets, industries with their fields, employer
// names and schools. Data only; demo.ts draws from it.

export interface DemoTierSet {
  code: string;
  name: string;
  effectiveOn: string;
  supersededOn: string | null;
  source: string;
  publicityDays: number;
  tiers: { code: string; name: string; years: number; description: string }[];
  criteria: [code: string, name: string, weight: number][];
}

const CRITERIA: DemoTierSet['criteria'] = [
  ['achievement', '业绩成果（显绩）', 40],
  ['innovation', '创新能力与发展潜力（潜绩）', 30],
  ['contribution', '对本地产业的贡献', 20],
  ['integrity', '职业道德与学术诚信', 10],
];

export const TIER_SETS: DemoTierSet[] = [
  {
    code: 'SFS-2019',
    name: '示范市人才分类目录（2019 版，演示）',
    effectiveOn: '2019-07-01',
    supersededOn: '2024-01-01',
    source: '示人才〔2019〕3号（演示数据，虚构）',
    publicityDays: 7,
    tiers: [
      { code: 'T', name: '特级人才', years: 5, description: '诺贝尔奖、两院院士等国内外顶尖人才（演示）' },
      { code: '1', name: '一类人才', years: 5, description: '国家级重大人才工程入选者（演示）' },
      { code: '2', name: '二类人才', years: 5, description: '省级重大人才工程入选者（演示）' },
      { code: '3', name: '三类人才', years: 3, description: '市级高层次人才（演示）' },
      { code: '4', name: '四类人才', years: 3, description: '博士、正高职称等高级人才（演示）' },
    ],
    criteria: CRITERIA,
  },
  {
    code: 'SFS-2024',
    name: '示范市高层次人才分类目录（2024 版，演示）',
    effectiveOn: '2024-01-01',
    supersededOn: null,
    source: '示人才〔2023〕12号（演示数据，虚构）',
    publicityDays: 5,
    tiers: [
      { code: 'A', name: 'A 类（国内外顶尖人才）', years: 5, description: '国内外顶尖人才（演示）' },
      { code: 'B', name: 'B 类（国家级领军人才）', years: 5, description: '国家级领军人才（演示）' },
      { code: 'C', name: 'C 类（省级领军人才）', years: 3, description: '省级领军人才（演示）' },
      { code: 'D', name: 'D 类（市级高层次人才）', years: 3, description: '市级高层次人才（演示）' },
      { code: 'E', name: 'E 类（青年英才）', years: 3, description: '博士、硕士等青年英才（演示）' },
    ],
    criteria: CRITERIA,
  },
];

export interface Industry {
  code: string;
  name: string;
  suffix: string;
  fields: string[];
}

/** The last two are the public employers' (hospitals, schools); companies draw from the others. */
export const INDUSTRIES: Industry[] = [
  { code: 'it', name: '新一代信息技术', suffix: '信息科技有限公司', fields: ['人工智能', '软件与信息服务', '大数据', '网络安全'] },
  { code: 'ic', name: '集成电路', suffix: '微电子有限公司', fields: ['集成电路设计', '半导体材料', '芯片制造工艺'] },
  { code: 'bio', name: '生物医药', suffix: '生物医药股份有限公司', fields: ['创新药物', '医疗器械', '生物技术'] },
  { code: 'mat', name: '新材料', suffix: '新材料科技有限公司', fields: ['新材料', '先进高分子材料'] },
  { code: 'equip', name: '高端装备制造', suffix: '智能装备有限公司', fields: ['智能制造', '工业机器人', '精密仪器'] },
  { code: 'energy', name: '新能源', suffix: '新能源科技有限公司', fields: ['新能源', '储能技术', '氢能'] },
  { code: 'agri', name: '现代农业', suffix: '农业科技有限公司', fields: ['现代农业', '种业', '农产品加工'] },
  { code: 'fin', name: '金融', suffix: '金融科技有限公司', fields: ['金融科技', '投资管理'] },
  { code: 'health', name: '医疗卫生', suffix: '', fields: ['临床医学', '公共卫生', '中医药'] },
  { code: 'education', name: '教育', suffix: '', fields: ['基础教育', '职业教育'] },
];

export const EMPLOYER_BRANDS = [
  '启航',
  '华芯',
  '云图',
  '博润',
  '智源',
  '恒远',
  '新锐',
  '蓝海',
  '鼎信',
  '瑞康',
  '绿源',
  '天工',
  '海川',
  '星辰',
  '卓越',
  '安泰',
  '聚能',
  '精诚',
  '远景',
  '联创',
  '思睿',
  '和光',
  '拓维',
  '青禾',
];

export const SCHOOLS = {
  home: [
    '浙江大学',
    '复旦大学',
    '南京大学',
    '武汉大学',
    '四川大学',
    '西安交通大学',
    '华中科技大学',
    '中山大学',
    '同济大学',
    '山东大学',
    '示范大学',
  ],
  abroad: [
    ['新加坡国立大学', '新加坡'],
    ['帝国理工学院', '英国'],
    ['慕尼黑工业大学', '德国'],
    ['东京大学', '日本'],
    ['多伦多大学', '加拿大'],
    ['墨尔本大学', '澳大利亚'],
    ['加州大学伯克利分校', '美国'],
  ] as [string, string][],
};
