// 「党建业务融合」界面文字。English: ../en/joint-tasks.ts (same keys, checked by the compiler).
// 阶段和检查结果的名称来自 domain/rules/joint-tasks.ts（JOINT_STAGE_LABELS、CHECK_RESULT_LABELS）。
const jointTasks = {
  title: '党建业务融合',
  subtitle: '一起谋划、一起部署、一起落实、一起检查',
  org: '党组织',
  year: '年度',
  allYears: '全部年度',
  stage: '阶段',
  allStages: '全部阶段',
  overdueOnly: '只看逾期',
  subtree: '含下级组织',
  view: { board: '看板', table: '表格' },
  create: '新建任务',
  export: '导出 Excel',
  exportTitle: '导出党建业务融合任务',
  exportNotice: '按当前筛选条件导出，将记录导出人、用途、筛选条件和行数。',
  exportPlaceholder: '例如：年度融合任务督查',
  truncated: '仅显示前 2000 项，请缩小组织范围',
  field: {
    title: '任务名称', partySide: '党建工作', businessSide: '业务工作', partyOwner: '党建责任人', businessOwner: '业务责任人',
    startOn: '开始日期', dueOn: '完成期限', progress: '进度', org: '党组织', checkResult: '检查结果', checkNote: '检查意见', checkedBy: '检查组织',
  },
  overdue: '逾期',
  dueOn: '{{date}} 到期',
  empty: '暂无任务',
  drawer: {
    report: '报告进展', moveTo: '阶段', note: '进展说明', backNeedsNote: '退回上一阶段须说明原因', save: '提交', saved: '已更新',
    check: '登记检查结果', checkHint: '任务完成后，由本级或上级党组织检查', checked: '已登记检查结果', log: '进展记录', edit: '修改任务',
    closed: '任务已检查，不能再变更',
  },
};
export default jointTasks;
