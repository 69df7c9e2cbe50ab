// Tables the demo careers draw from (careers.ts): backgrounds and their majors, schools, in-service
// study, universities, graduation ages and the sections where the first years are spent.

// Backgrounds and the majors that lead to them; a unit's name pulls its cadres towards one.
export const MAJORS: Record<string, readonly [string, string][]> = {
  党务: [
    ['思想政治教育', '法学'],
    ['中共党史', '法学'],
    ['政治学与行政学', '法学'],
  ],
  经济: [
    ['经济学', '经济学'],
    ['财政学', '经济学'],
    ['会计学', '管理学'],
    ['金融学', '经济学'],
  ],
  法律: [
    ['法学', '法学'],
    ['侦查学', '法学'],
  ],
  理工: [
    ['土木工程', '工学'],
    ['计算机科学与技术', '工学'],
    ['机械设计制造及其自动化', '工学'],
    ['环境工程', '工学'],
    ['城乡规划', '工学'],
  ],
  农业: [
    ['农学', '农学'],
    ['水利水电工程', '工学'],
    ['动物医学', '农学'],
  ],
  文教卫: [
    ['汉语言文学', '文学'],
    ['临床医学', '医学'],
    ['历史学', '历史学'],
    ['新闻学', '文学'],
  ],
  管理: [
    ['行政管理', '管理学'],
    ['工商管理', '管理学'],
    ['公共事业管理', '管理学'],
  ],
};
export const PULL: readonly [RegExp, string][] = [
  [/组织|宣传|统战|办公室|党|团|工会|妇联|老干部|政研|编制/, '党务'],
  [/发展|财政|审计|统计|商务|国有|投资|资产|公积金|医疗保障|交易/, '经济'],
  [/法院|检察|公安|司法|政法|纪委|信访/, '法律'],
  [/工业|科学|住房|交通|自然|生态|城市|建设|水务|大数据|应急/, '理工'],
  [/农业|水利|乡|镇/, '农业'],
  [/教育|文化|卫生|医院|广播|日报|社会科学|学院|融媒体/, '文教卫'],
];
export const SCHOOLS: Record<string, readonly string[]> = {
  研究生: ['省大学', '省财经大学', '省师范大学', '省理工大学', '省农业大学', '省政法大学'],
  大学: ['省大学', '省师范大学', '省财经大学', '省理工大学', '省农业大学', '省医科大学', '省政法大学', '省工业大学'],
  大专: ['省行政管理学院', '省师范高等专科学校', '省水利电力学校', '省农业学校'],
  中专: ['省农业学校', '省财贸学校', '省水利电力学校', '示范市卫生学校'],
};
export const IN_SERVICE: readonly [string, string, string][] = [
  ['研究生', '', '中共省委党校在职研究生班经济管理专业'],
  ['研究生', '', '中央党校研究生院政治学专业'],
  ['研究生', '公共管理硕士', '省大学公共管理专业'],
  ['研究生', '工商管理硕士', '省财经大学工商管理专业'],
  ['大学', '', '中共省委党校函授学院经济管理专业'],
  ['大学', '法学学士', '省大学法学专业（函授）'],
];
// Universities by the discipline of the major (a 临床医学 graduate of the 医科大学, not of the 理工大学).
export const UNIVERSITIES: Record<string, readonly string[]> = {
  法学: ['省大学', '省政法大学', '省师范大学'],
  经济学: ['省大学', '省财经大学'],
  管理学: ['省大学', '省财经大学', '省师范大学'],
  工学: ['省理工大学', '省工业大学', '省大学'],
  农学: ['省农业大学'],
  文学: ['省大学', '省师范大学'],
  历史学: ['省大学', '省师范大学'],
  医学: ['省医科大学'],
};
export const GRAD_AGE: Record<string, number> = { 研究生: 25, 大学: 22, 大专: 21, 中专: 19 };
export const STUDY_YEARS: Record<string, number> = { 研究生: 7, 大学: 4, 大专: 3, 中专: 3 };
export const SECTIONS = ['综合科', '秘书科', '政策法规科', '人事科', '财务科', '业务一科', '业务二科', '规划科', '督查科'];
export const TOWN_OFFICES = ['党政办公室', '经济发展办公室', '社会事务办公室', '综合执法办公室', '党建工作办公室'];
