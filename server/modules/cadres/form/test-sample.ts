// Test fixture: a realistic 干部任免审批表 (made-up person), parsed by the schema so defaults apply.
import { ZCadreSheet, type TCadreSheet, type TResumeLine } from '../../../../domain/schemas/cadre-sheet.js';

/** A 1×1 PNG: enough for the photo cell to embed an image. */
export const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const SAMPLE_ID = '110105197503120036';

export function sampleSheet(over: Partial<TCadreSheet> = {}): TCadreSheet {
  return ZCadreSheet.parse({
    name: '李建国',
    sex: '男',
    birth: '1975-03',
    ethnicity: '汉族',
    nativePlace: '江苏南京',
    birthPlace: '江苏南京',
    partyJoin: '1996-06',
    partyName: '',
    workStart: '1997-07',
    health: '健康',
    proTitle: '高级经济师（2012.11）',
    expertise: '经济管理、城市规划',
    fullTime: { level: '大学', degree: '经济学学士', levelSchool: '南京大学经济学院国际贸易专业', degreeSchool: '' },
    inService: { level: '研究生', degree: '管理学硕士', levelSchool: '中共江苏省委党校经济管理专业', degreeSchool: '河海大学管理学院' },
    currentPost: '中共某某区委常委、组织部部长',
    proposedPost: '某某市委组织部副部长',
    proposedRemoval: '中共某某区委常委、组织部部长职务',
    resume: [
      { from: '1993-09', to: '1997-07', text: '南京大学经济学院国际贸易专业学习', sub: [] },
      { from: '1997-07', to: '2003-12', text: '某某市发展计划委员会科员、副主任科员', sub: [] },
      {
        from: '2003-12',
        to: '2011-05',
        text: '某某市发展和改革委员会综合处副处长、处长',
        sub: ['（其间：2006.09--2009.07在中共江苏省委党校经济管理专业在职研究生学习）'],
      },
      { from: '2011-05', to: '2018-02', text: '某某县副县长', sub: [] },
      { from: '2018-02', to: null, text: '中共某某区委常委、组织部部长', sub: [] },
    ],
    rewards: '2019年被评为全省优秀党务工作者。',
    assessments: '2022年度考核称职；2023年度考核优秀；2024年度考核称职。',
    reason: '工作需要。',
    family: [
      { relation: '妻子', name: '王秀英', birth: '1977-08', political: '中共党员', workPost: '某某市第一中学教师' },
      { relation: '儿子', name: '李明', birth: '2003-05', political: '共青团员', workPost: '某某大学学生' },
      { relation: '父亲', name: '李长山', birth: '1948-01', political: '群众', workPost: '已故', deceased: true },
      { relation: '母亲', name: '张桂兰', birth: '1950-10', political: '群众', workPost: '退休' },
    ],
    reportingUnit: '中共某某市委组织部',
    ageAt: '2026-06-30',
    filledOn: '2026-07-01',
    filledBy: '赵敏',
    idNumber: SAMPLE_ID,
    photo: { mime: 'image/png', base64: PNG_1X1 },
    version: '3.2.1.16',
    ...over,
  });
}

/** A 简历 of n steps, one year each from 1966. */
export function longResume(n: number): TResumeLine[] {
  return Array.from({ length: n }, (_, i) => ({
    from: `${1966 + i}-01`,
    to: i === n - 1 ? null : `${1967 + i}-01`,
    text: `第${i + 1}段经历：某某单位某某职务`,
    sub: [],
  }));
}
