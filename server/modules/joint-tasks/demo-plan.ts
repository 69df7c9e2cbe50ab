// The joint tasks of the demo: what a branch of each kind of unit plans with its business, fictional
// but typical (党建 side and 业务 side written as a secretary would).
import type { Rng } from '../../demo/prng.js';

export interface Template {
  title: string;
  party: string;
  business: string;
  owner: string;
}

const T = (title: string, party: string, business: string, owner: string): Template => ({ title, party, business, owner });

const BY_UNIT: Record<string, Template[]> = {
  community: [
    T('党建引领垃圾分类', '党员认领楼栋、担任桶边督导员，主题党日集中宣传', '小区垃圾分类准确率达到 90% 以上', '社区主任'),
    T('红色物业提升居民满意度', '物业企业党员亮身份，建立联席会议', '物业服务投诉量同比下降 30%', '物业经理'),
    T('网格党员服务“一老一小”', '网格党小组结对独居老人和困境儿童', '完成辖区高龄老人探访全覆盖', '网格长'),
  ],
  rural: [
    T('党建引领特色产业', '党员带头成立合作社，设立产业党小组', '村集体经营性收入增长 10%', '村委会主任'),
    T('人居环境整治', '党员责任区包干，评比“美丽庭院”', '完成村庄道路和沟渠整治', '村委会主任'),
  ],
  school: [
    T('党员教师示范课', '党员教师开设示范课，结对青年教师', '青年教师教学评价优良率提升', '教务处主任'),
    T('课后服务提质', '党员教师认领课后服务项目', '课后服务参与率达到 95%', '副校长'),
  ],
  hospital: [
    T('党员先锋岗优化门诊流程', '设立党员先锋岗和志愿服务队', '门诊平均候诊时间缩短 15 分钟', '门诊部主任'),
    T('医疗服务下基层', '党员专家组成义诊小分队', '全年开展基层义诊 12 次', '医务科科长'),
  ],
  soe: [
    T('党员攻关项目', '组建党员突击队，设立攻关项目', '关键工序合格率提升到 99%', '生产部经理'),
    T('安全生产党员示范区', '党员划分责任区，开展安全隐患排查', '全年无一般以上安全事故', '安全总监'),
  ],
  private_enterprise: [T('党建促发展', '党员技术骨干“传帮带”，开展技能比武', '新产品研发按期投产', '总经理')],
  organ: [
    T('党建引领优化营商环境', '党员窗口亮身份，开展“我为群众办实事”', '审批事项平均办理时限压缩 30%', '业务科科长'),
    T('模范机关创建', '开展“三比三争”，支部结对基层', '重点工作按期办结率 100%', '办公室主任'),
  ],
  institution: [T('党员服务窗口', '党员示范岗与服务承诺公开', '群众评价满意率 98% 以上', '业务科科长')],
};

const GENERAL: Template[] = [
  T('党建品牌创建', '提炼支部工作法，打造党建品牌', '重点业务指标完成率 100%', '业务负责人'),
  T('党员志愿服务', '党员组建志愿服务队，每月开展服务', '服务对象满意度调查达到 95%', '业务负责人'),
];

export function templatesFor(unitType: string | null): Template[] {
  return [...(BY_UNIT[unitType ?? ''] ?? []), ...GENERAL];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建华', '志强', '秀英', '海燕', '晓东', '丽娟', '国庆', '文斌', '雪梅', '俊杰', '红梅', '伟', '敏', '静', '磊', '洋'];

export const personName = (rng: Rng) => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
