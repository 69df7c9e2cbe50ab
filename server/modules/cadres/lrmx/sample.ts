// A realistic, entirely fictional 干部任免审批表 for tests (the .lrmx reader and writer, the printers,
// the cadre file): every name, unit and number is invented; the ID number has a valid check digit.
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';

/** A 1×1 JPEG (header, tables and frame only), 180 base64 characters: long enough to be wrapped. */
export const SAMPLE_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

/** A normalized sheet: what readLrmx(writeLrmx(sheet)) gives back unchanged. */
export function sampleSheet(overrides: Partial<TCadreSheet> = {}): TCadreSheet {
  return {
    name: '林晓东',
    sex: '男',
    birth: '1980-03',
    ethnicity: '汉族',
    nativePlace: '福建莆田',
    birthPlace: '福建仙游',
    partyJoin: '2003-06',
    partyName: '',
    workStart: '2004-07',
    health: '健康',
    proTitle: '经济师（2012.11）',
    expertise: '熟悉组织人事工作',
    fullTime: { level: '大学', degree: '法学学士', levelSchool: '某某大学法学院法学专业', degreeSchool: '某某大学法学院法学专业' },
    inService: { level: '研究生', degree: '公共管理硕士', levelSchool: '某某省委党校经济管理专业', degreeSchool: '某某大学公共管理专业' },
    currentPost: '某某县委常委、组织部部长',
    proposedPost: '某某市委组织部副部长',
    proposedRemoval: '某某县委常委、组织部部长',
    resume: [
      { from: '2000-09', to: '2004-07', text: '某某大学法学院法学专业学习', sub: [] },
      { from: '2004-07', to: '2008-03', text: '某某县某某镇政府科员', sub: [] },
      {
        from: '2008-03',
        to: '2013-09',
        text: '某某县委组织部干部科科员、副科长、科长',
        sub: ['（其间：2010.09--2013.07在某某大学公共管理专业在职研究生学习，获公共管理硕士学位）'],
      },
      { from: '2013-09', to: '2018-12', text: '某某县某某镇党委副书记、镇长，\n党委书记', sub: [] },
      { from: '2018-12', to: '2021-06', text: '某某县委组织部常务副部长', sub: [] },
      { from: '2021-06', to: null, text: '某某县委常委、组织部部长', sub: [] },
    ],
    rewards: '2019年被评为全省优秀组工干部',
    assessments: '2023年度考核称职；2024年度考核优秀；2025年度考核称职',
    reason: '工作需要',
    family: [
      { relation: '妻子', name: '陈丽华', birth: '1982-05', political: '中共党员', workPost: '某某县第一中学教师', deceased: false },
      { relation: '女儿', name: '林思琪', birth: '2010-09', political: '共青团员', workPost: '某某县第一中学学生', deceased: false },
      { relation: '父亲', name: '林建国', birth: '1952-01', political: '群众', workPost: '已故', deceased: true },
      { relation: '母亲', name: '王秀英', birth: '1955-11', political: '群众', workPost: '退休', deceased: false },
    ],
    reportingUnit: '中共某某市委组织部',
    ageAt: '2026-06-30',
    filledOn: '2026-06-20',
    filledBy: '张敏',
    idNumber: '350322198003150014',
    photo: { mime: 'image/jpeg', base64: SAMPLE_JPEG_BASE64 },
    version: '3.2.1.16',
    extras: [],
    ...overrides,
  };
}
