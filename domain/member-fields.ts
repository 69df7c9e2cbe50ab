// Value lists of the member record, with their Chinese and English labels. Education levels and
// occupations are the categories of the 党内统计 tables (RULES.md §6), so every statistic can be
// produced from the record without re-entry; codes are stored, labels are shown.

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** The 56 ethnic groups (GB/T 3304), stored by their Chinese name; 汉族 first, then the code order. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

// English names follow the official romanization (Han, Mongol, Hui…): the part before 族.
const ETHNICITY_EN: Record<string, string> = {
  汉族: 'Han',
  蒙古族: 'Mongol',
  回族: 'Hui',
  藏族: 'Tibetan',
  维吾尔族: 'Uyghur',
  苗族: 'Miao',
  彝族: 'Yi',
  壮族: 'Zhuang',
  布依族: 'Bouyei',
  朝鲜族: 'Korean',
  满族: 'Manchu',
  侗族: 'Dong',
  瑶族: 'Yao',
  白族: 'Bai',
  土家族: 'Tujia',
  哈尼族: 'Hani',
  哈萨克族: 'Kazakh',
  傣族: 'Dai',
  黎族: 'Li',
  傈僳族: 'Lisu',
  佤族: 'Va',
  畲族: 'She',
  高山族: 'Gaoshan',
  拉祜族: 'Lahu',
  水族: 'Sui',
  东乡族: 'Dongxiang',
  纳西族: 'Naxi',
  景颇族: 'Jingpo',
  柯尔克孜族: 'Kyrgyz',
  土族: 'Tu',
  达斡尔族: 'Daur',
  仫佬族: 'Mulao',
  羌族: 'Qiang',
  布朗族: 'Blang',
  撒拉族: 'Salar',
  毛南族: 'Maonan',
  仡佬族: 'Gelao',
  锡伯族: 'Xibe',
  阿昌族: 'Achang',
  普米族: 'Pumi',
  塔吉克族: 'Tajik',
  怒族: 'Nu',
  乌孜别克族: 'Uzbek',
  俄罗斯族: 'Russian',
  鄂温克族: 'Evenki',
  德昂族: "De'ang",
  保安族: 'Bonan',
  裕固族: 'Yugur',
  京族: 'Gin',
  塔塔尔族: 'Tatar',
  独龙族: 'Derung',
  鄂伦春族: 'Oroqen',
  赫哲族: 'Hezhen',
  门巴族: 'Monba',
  珞巴族: 'Lhoba',
  基诺族: 'Jino',
};
export const ETHNICITY_LABELS = Object.fromEntries(ETHNICITIES.map((e) => [e, { zh: e, en: ETHNICITY_EN[e] }])) as Labels<Ethnicity>;

/** Education levels, highest first, as counted by the 党内统计 education table (RULES.md §6). */
export const EDUCATION_LEVELS = [
  'postgraduate',
  'bachelor',
  'associate',
  'secondary_vocational',
  'high_school',
  'junior_high',
  'primary',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Labels<EducationLevel> = {
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
  bachelor: { zh: '大学本科', en: "Bachelor's" },
  associate: { zh: '大学专科', en: 'Associate (college)' },
  secondary_vocational: { zh: '中专', en: 'Secondary vocational' },
  high_school: { zh: '高中', en: 'High school' },
  junior_high: { zh: '初中', en: 'Junior high' },
  primary: { zh: '小学及以下', en: 'Primary or less' },
};
/** 大专及以上: the line the national 公报 reports (RULES.md §6). */
export const COLLEGE_OR_ABOVE: readonly EducationLevel[] = ['postgraduate', 'bachelor', 'associate'];

export const DEGREES = ['doctorate', 'master', 'bachelor'] as const;
export type Degree = (typeof DEGREES)[number];
export const DEGREE_LABELS: Labels<Degree> = {
  doctorate: { zh: '博士', en: 'Doctorate' },
  master: { zh: '硕士', en: 'Master' },
  bachelor: { zh: '学士', en: 'Bachelor' },
};

/** Occupation categories of the 党内统计 (RULES.md §6). */
export const OCCUPATIONS = ['worker', 'farmer', 'professional', 'manager', 'official', 'student', 'other', 'retired'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABELS: Labels<Occupation> = {
  worker: { zh: '工人', en: 'Worker' },
  farmer: { zh: '农牧渔民', en: 'Farmer, herder or fisher' },
  professional: { zh: '专业技术人员', en: 'Professional or technical staff' },
  manager: { zh: '管理人员', en: 'Manager' },
  official: { zh: '党政机关工作人员', en: 'Party or government staff' },
  student: { zh: '学生', en: 'Student' },
  other: { zh: '其他职业', en: 'Other occupation' },
  retired: { zh: '离退休', en: 'Retired' },
};

export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const CATEGORY_LABELS: Labels<MemberCategory> = {
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
};

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

const byZh = new WeakMap<object, Map<string, string>>();

/** Finds a code by its Chinese label (import): exact, then ignoring spaces; null when unknown. */
export function codeByZh<K extends string>(labels: Labels<K>, text: string): K | null {
  let codes = byZh.get(labels);
  if (!codes) {
    codes = new Map(Object.entries(labels).map(([k, v]) => [(v as { zh: string }).zh, k]));
    byZh.set(labels, codes);
  }
  return (codes.get(text) ?? codes.get(text.replace(/\s+/g, '')) ?? null) as K | null;
}
