// What the units of the demo city are called: the named units at city and district level and
// the departments inside a unit that become its 党总支 and 党支部.
import type { UnitType } from '../../domain/org-kinds.js';

export interface SubunitPool {
  /** Names for 党总支 inside the unit (内科党总支). */
  generals: readonly string[];
  /** Names for 党支部 (心血管内科党支部); past the list they are numbered (第一党支部). */
  branches: readonly string[];
  /**
   * True when a branch inside a 党总支 carries the 总支's name too: a college's 机电工程系教工党支部,
   * a company's 工程公司项目部党支部; a hospital's 心血管内科党支部 does not.
   */
  nested: boolean;
}

export const SUBUNITS: Record<UnitType, SubunitPool> = {
  organ: {
    generals: ['执法大队', '直属分局', '综合业务'],
    branches: ['办公室', '政策法规科', '人事科', '财务科', '综合科', '业务一科', '业务二科', '信息中心', '离退休干部'],
    nested: false,
  },
  institution: {
    generals: ['业务部门', '综合部门'],
    branches: ['办公室', '业务部', '技术部', '服务部', '研究室', '编辑部', '离退休'],
    nested: false,
  },
  soe: {
    generals: ['第一分公司', '第二分公司', '工程公司', '运营公司', '物业公司', '投资公司', '置业公司', '检测公司'],
    branches: ['综合办公室', '财务部', '工程部', '项目部', '运营部', '安全部', '一车间', '二车间', '市场部', '离退休'],
    nested: true,
  },
  private_enterprise: {
    generals: ['生产系统', '营销系统'],
    branches: ['生产部', '技术研发部', '销售部', '行政部', '一车间', '二车间', '质检部', '仓储物流部'],
    nested: true,
  },
  rural: { generals: [], branches: [], nested: false },
  community: {
    generals: [],
    branches: ['第一网格', '第二网格', '第三网格', '第四网格', '退休党员', '物业服务', '在职党员', '流动党员'],
    nested: false,
  },
  school: {
    generals: ['机电工程系', '信息工程系', '经济管理系', '建筑工程系', '医学护理系', '艺术设计系', '基础部'],
    branches: ['教工第一', '教工第二', '学生第一', '学生第二', '行政后勤', '退休教师'],
    nested: true,
  },
  hospital: {
    generals: ['内科', '外科', '医技', '护理', '行政后勤', '门急诊'],
    branches: [
      '心血管内科',
      '消化内科',
      '呼吸内科',
      '神经内科',
      '肾内科',
      '普外科',
      '骨科',
      '神经外科',
      '妇产科',
      '儿科',
      '急诊科',
      '检验科',
      '放射科',
      '药剂科',
      '麻醉科',
      '重症医学科',
      '中医科',
      '康复医学科',
      '行政',
      '后勤保障',
      '退休职工',
    ],
    nested: false,
  },
  social_org: { generals: [], branches: ['秘书处', '会员单位'], nested: false },
  other: { generals: [], branches: [], nested: false },
};

// Departments of the city or of a district: "示范市" + "委组织部", "示范市东城区" + "财政局".
export const BUREAUS = [
  '委办公室',
  '政府办公室',
  '纪委监委机关',
  '委组织部',
  '委宣传部',
  '委统战部',
  '委政法委',
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '信访局',
  '机关事务管理局',
  '人大常委会机关',
  '政协机关',
  '人民法院',
  '人民检察院',
  '总工会',
  '团委',
  '妇联',
];

export const CITY_INSTITUTIONS = [
  '广播电视台',
  '图书馆',
  '博物馆',
  '档案馆',
  '疾病预防控制中心',
  '公共资源交易中心',
  '住房公积金管理中心',
  '政务服务中心',
  '社会科学院',
  '农业科学研究院',
  '日报社',
  '大数据中心',
  '规划设计研究院',
  '检验检测中心',
];
export const DISTRICT_INSTITUTIONS = [
  '档案馆',
  '图书馆',
  '文化馆',
  '融媒体中心',
  '不动产登记中心',
  '公共资源交易中心',
  '疾病预防控制中心',
  '政务服务中心',
  '机关事务服务中心',
  '农业技术推广中心',
];

export const CITY_HOSPITALS = [
  '第一人民医院',
  '第二人民医院',
  '第三人民医院',
  '中医院',
  '妇幼保健院',
  '精神卫生中心',
  '传染病医院',
  '口腔医院',
  '急救中心',
];
export const DISTRICT_HOSPITALS = ['人民医院', '中医医院', '妇幼保健院'];

export const CITY_SCHOOLS = [
  '第一中学',
  '第二中学',
  '第三中学',
  '实验中学',
  '外国语学校',
  '第一职业中等专业学校',
  '特殊教育学校',
  '实验小学',
  '技师学院',
];
export const DISTRICT_SCHOOLS = [
  '第一中学',
  '第二中学',
  '实验中学',
  '实验小学',
  '第一小学',
  '第二小学',
  '第三小学',
  '职业中学',
  '实验幼儿园',
  '特殊教育学校',
];
export const TOWN_SCHOOLS = ['中心小学', '初级中学', '中心幼儿园'];

export const CITY_SOES = [
  '城市建设投资集团有限公司',
  '交通投资集团有限公司',
  '文化旅游发展集团有限公司',
  '水务集团有限公司',
  '国有资本投资运营集团有限公司',
  '公共交通集团有限公司',
  '农业发展集团有限公司',
  '城市燃气有限公司',
  '热力有限公司',
  '产业投资集团有限公司',
];
export const DISTRICT_SOES = ['城市建设投资有限公司', '国有资产经营有限公司', '水务有限公司', '公交有限公司', '产业园开发有限公司'];

export const SOCIAL_ORGS = [
  '个体劳动者协会',
  '律师协会',
  '注册会计师协会',
  '物流行业协会',
  '餐饮行业协会',
  '慈善总会',
  '志愿者协会',
  '青年企业家商会',
  '建筑业协会',
  '家政服务行业协会',
  '养老服务中心',
  '社会工作服务中心',
  '书法家协会',
  '摄影家协会',
  '民办教育协会',
];
