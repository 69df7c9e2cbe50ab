// 「组织生活合规监测」界面文字。English: ../en/org-life.ts (same keys, checked by the compiler).
// 会议类型名称来自 domain/meeting-kinds.ts。
const orgLife = {
  title: '组织生活合规监测',
  hint: '按《中国共产党支部工作条例（试行）》及本市规定的频次，根据已登记的会议自动计算，不需另行填报；补录的会议照常计入。',
  tabs: { monitor: '监测', missing: '未开展名单', rules: '规则设置' },
  period: { month: '月', quarter: '季度', year: '年', label: '期间' },
  org: '党组织',
  pickOrg: '选择党组织',
  export: '导出名单',
  summary: {
    units: '应开展单位', compliant: '全部开展', rate: '开展率', missing: '未开展项', due: '待开展项',
    unitsHint: '党支部（含联合、临时党支部）和党小组',
  },
  col: {
    org: '党组织', kind: '类别', units: '单位数', compliant: '全部开展', rate: '开展率', missing: '未开展', due: '待开展', byKind: '未开展分项',
    parent: '上级组织', detail: '未开展明细',
  },
  self: '本级',
  drill: '查看下级',
  noUnits: '该组织下没有需要开展组织生活的党支部或党小组',
  unit: {
    title: '应开展的组织生活', committee: '设有支部委员会', noCommittee: '未设支部委员会（不要求召开支委会）',
    kind: '会议类型', period: '期间', window: '时间范围', state: '状态', count: '已开展次数', article: '依据', action: '操作',
    late: '补录 {{n}}', record: '去登记', view: '查看记录', none: '本期间没有应开展的组织生活检查项',
  },
  state: { held: '已开展', missing: '未开展', due: '待开展' },
  missing: { total: '共 {{count}} 个单位有未开展事项', empty: '本期间所有单位均已按要求开展' },
  exportModal: {
    title: '导出组织生活未开展名单',
    notice: '导出所选组织及其下级中本期间有未开展事项的单位名单，导出行为将记入审计日志。',
    placeholder: '如：督促整改组织生活开展情况',
  },
  rules: {
    intro: '频次规则按版本管理：新版本自生效日期起开始的检查期间适用，之前的期间仍按原规定计算；已生效的版本不能修改或删除。',
    builtIn: '内置', inForce: '现行', future: '待生效', effectiveFrom: '生效日期', title: '版本名称 / 文件',
    kind: '会议类型', frequency: '频次', article: '依据', target: '适用对象', add: '新增版本', remove: '删除', removeConfirm: '确定删除尚未生效的版本“{{title}}”？',
    saved: '已保存', modalTitle: '新增频次规则版本', notRequired: '不作要求',
    freq: { month: '每月', quarter: '每季度', year: '每年' },
    targets: { branch: '党支部', committee: '设有支委会的党支部', party_group: '党小组' },
    dateRequired: '请选择生效日期', titleRequired: '请填写版本名称或文件名', articleRequired: '请填写依据',
    dateHint: '生效日期不能早于今天；建议从月初、季初或年初开始。',
  },
};
export default orgLife;
