// 「组织健康度」界面文字。English: ../en/org-health.ts (same keys, checked by the compiler).
const orgHealth = {
  title: '组织健康度',
  intro:
    '综合组织生活、换届、党费、发展党员和标准化建设情况，按组织列出需要关注的事项及原因。只反映组织工作情况，不对党员个人排名，不计分。',
  org: '组织',
  pickOrg: '请选择组织',
  asOf: '截至 {{date}}；组织生活按 {{quarter}} 及本年，党费收缴率按 {{from}} 至 {{to}}',
  attentionFirst: '需关注的在前',
  onlyFlagged: '只看有预警或关注的组织',
  export: '导出 Excel',
  dashboard: '数据看板',
  total: '合计',
  members: '党员数',
  orgName: '党组织',
  notApplicable: '不适用',
  basis: '依据：{{basis}}',
  counts: '{{warning}} 个组织有预警、{{attention}} 个组织需关注，共 {{rows}} 个',
  empty: '没有下级组织',
  exportTitle: '导出组织健康度',
  exportNotice: '将导出当前组织下各组织的健康度信号及原因；导出操作将记入审计日志。',
  exportPurposePlaceholder: '如：年度基层党建工作检查',
  order: '排序',
  orderTree: '按组织顺序',
  orderAttention: '需关注的在前',
};
export default orgHealth;
