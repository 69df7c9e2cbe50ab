// The posts of each kind of unit in the demo city (units.ts): departments with their heads, deputies and
// 职数, the institutions and state-owned enterprises of the city and of a district.
import type { UnitKind } from '../../../../domain/cadre-codes.js';

export type PostSpec = [string, boolean, string, boolean, string | null, number, boolean];

export const DEPUTY_PROBATION = '工作部门副职';

export function head(title: string, line = '行政'): PostSpec {
  return [title, true, line, false, null, 1, true];
}
export function deputies(title: string, quota: number, line = '行政', probation: string | null = DEPUTY_PROBATION): PostSpec {
  return [title, false, line, false, probation, quota, false];
}
/** A department led by a 常委 (not managed here): its first deputy holds the unit's level. */
function standing(title: string, quota: number, line = '党委'): PostSpec {
  return [title, false, line, false, null, quota, true];
}

// City and district departments: [name as in the org tree's BUREAUS, kind, posts(quota scale)].
export interface DeptDef {
  name: string;
  kind: UnitKind;
  posts: (big: boolean) => PostSpec[];
  /** The full name when it is not prefix + name (中共示范市委组织部, 共青团示范市委员会). */
  fullName?: (prefix: string) => string;
  shortName?: (short: string) => string;
  /** Kept in a district's shorter list of departments. */
  core?: boolean;
}

const party = (name: string, posts: DeptDef['posts'], core = true): DeptDef => ({
  name,
  kind: '党委工作部门',
  posts,
  core,
  fullName: (p) => `中共${p}${name}`,
  shortName: (s) => s + name,
});
const bureauTitles = (name: string): [string, string] =>
  name.endsWith('委员会') || name.endsWith('办公室') ? ['主任', '副主任'] : ['局长', '副局长'];
const gov = (name: string, core = false): DeptDef => ({
  name,
  kind: '政府部门',
  core,
  posts: (big) => {
    const [h, d] = bureauTitles(name);
    return [head(`党组书记、${h}`), deputies(`党组成员、${d}`, big ? 4 : 2)];
  },
});

export const DEPARTMENTS: readonly DeptDef[] = [
  party('委办公室', (big) => [head('主任', '党委'), deputies('副主任', big ? 4 : 2, '党委')]),
  party('委组织部', (big) => [standing('常务副部长', 1), deputies('副部长', big ? 3 : 2, '党委')]),
  party('委宣传部', (big) => [standing('常务副部长', 1), deputies('副部长', big ? 3 : 1, '党委')]),
  party('委统战部', (big) => [standing('常务副部长', 1), deputies('副部长', big ? 3 : 1, '党委')]),
  party('委政法委', (big) => [standing('常务副书记', 1), deputies('副书记', big ? 2 : 1, '党委')]),
  party('委政策研究室', () => [head('主任', '党委'), deputies('副主任', 2, '党委')], false),
  party('委机构编制委员会办公室', () => [head('主任', '党委'), deputies('副主任', 2, '党委')], false),
  party('委老干部局', () => [head('局长', '党委'), deputies('副局长', 2, '党委')], false),
  gov('政府办公室', true),
  gov('发展和改革委员会', true),
  gov('教育局', true),
  gov('科学技术局'),
  gov('工业和信息化局'),
  gov('公安局', true),
  gov('民政局', true),
  gov('司法局'),
  gov('财政局', true),
  gov('人力资源和社会保障局', true),
  gov('自然资源和规划局', true),
  gov('生态环境局'),
  gov('住房和城乡建设局', true),
  gov('交通运输局'),
  gov('水利局'),
  gov('农业农村局', true),
  gov('商务局'),
  gov('文化广电旅游局'),
  gov('卫生健康委员会', true),
  gov('退役军人事务局'),
  gov('应急管理局', true),
  gov('审计局'),
  gov('市场监督管理局', true),
  gov('统计局'),
  gov('医疗保障局'),
  gov('城市管理局'),
  gov('信访局'),
  gov('机关事务管理局'),
  {
    name: '纪委监委机关',
    kind: '纪委监委',
    core: true,
    fullName: (p) => `中共${p}纪律检查委员会、${p}监察委员会`,
    shortName: (s) => `${s}纪委监委`,
    posts: (big) => [standing('纪委副书记、监委副主任', big ? 3 : 2, '纪委'), deputies('纪委常委、监委委员', big ? 5 : 3, '纪委', null)],
  },
  {
    name: '人民法院',
    kind: '法院检察院',
    core: true,
    posts: (big) => [standing('副院长', big ? 4 : 3, '其他'), deputies('审判委员会专职委员', big ? 2 : 1, '其他', null)],
  },
  {
    name: '人民检察院',
    kind: '法院检察院',
    core: true,
    posts: (big) => [standing('副检察长', big ? 3 : 2, '其他'), deputies('检察委员会专职委员', 1, '其他', null)],
  },
  {
    name: '总工会',
    kind: '群团组织',
    core: true,
    posts: (big) => [head('党组书记、常务副主席', '其他'), deputies('副主席', big ? 3 : 1, '其他', null)],
  },
  {
    name: '团委',
    kind: '群团组织',
    core: true,
    fullName: (p) => `共青团${p}委员会`,
    shortName: (s) => `团${s}委`,
    posts: (big) => [head('书记', '其他'), deputies('副书记', big ? 2 : 1, '其他', null)],
  },
  {
    name: '妇联',
    kind: '群团组织',
    core: true,
    fullName: (p) => `${p}妇女联合会`,
    shortName: (s) => `${s}妇联`,
    posts: (big) => [head('党组书记、主席', '其他'), deputies('副主席', big ? 2 : 1, '其他', null)],
  },
  {
    name: '科学技术协会',
    kind: '群团组织',
    posts: () => [head('党组书记、常务副主席', '其他'), deputies('副主席', 2, '其他', null)],
  },
  {
    name: '残疾人联合会',
    kind: '群团组织',
    posts: () => [head('党组书记、理事长', '其他'), deputies('副理事长', 2, '其他', null)],
  },
];

export const CITY_INSTITUTIONS: readonly [string, string, string][] = [
  ['广播电视台', '台长', '副台长'],
  ['日报社', '社长', '副社长'],
  ['社会科学院', '院长', '副院长'],
  ['住房公积金管理中心', '主任', '副主任'],
  ['大数据中心', '主任', '副主任'],
  ['公共资源交易中心', '主任', '副主任'],
  ['第一人民医院', '院长', '副院长'],
];
export const DISTRICT_INSTITUTIONS: readonly [string, string, string][] = [
  ['融媒体中心', '主任', '副主任'],
  ['政务服务中心', '主任', '副主任'],
  ['人民医院', '院长', '副院长'],
];
export const CITY_SOES = [
  '城市建设投资集团有限公司',
  '交通投资集团有限公司',
  '文化旅游发展集团有限公司',
  '水务集团有限公司',
  '国有资本投资运营集团有限公司',
];
export const DISTRICT_SOES = ['城市建设投资有限公司', '国有资产经营有限公司'];
