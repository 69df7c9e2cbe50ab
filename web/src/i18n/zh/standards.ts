// 「标准化规范化建设」界面文字。English: ../en/standards.ts (same keys, checked by the compiler).
// 星级、软弱涣散情形的名称来自 domain/rules/standards.ts（STAR_LABELS、WEAK_REASON_LABELS）。
const standards = {
  title: '标准化规范化建设',
  org: '党组织',
  year: '年度',
  yearValue: '{{year}} 年度',
  tabs: { self: '自评', review: '审核', ratings: '星级', weak: '软弱涣散', config: '标准设置' },
  status: { none: '未自评', draft: '自评中', submitted: '待审核', reviewed: '已定星', returned: '已退回' },
  notBranch: '自评由党支部填写，该组织不是党支部。请在上方选择一个党支部填写或查看自评，或查看下级党支部的星级评定。', seeRatings: '查看星级评定',
  sheet: {
    category: '类别', item: '评分项', guide: '评分标准', max: '满分', self: '自评分', review: '审核分', note: '说明',
    total: '合计 {{total}} 分', wouldGive: '按现行分数线为', unscored: '{{n}} 项未评分', notePlaceholder: '扣分原因或佐证（可选）',
  },
  self: {
    note: '自评说明', save: '保存草稿', submit: '提交审核', submitConfirm: '提交后不能修改，由上级党组织审核定星。确认提交？',
    submitted: '已提交，等待上级审核', returned: '上级退回：{{note}}', reviewed: '{{org}} 审核：{{total}} 分，{{stars}}', readOnly: '您的角色只能查看自评',
    checklist: '评分标准：{{name}}（{{from}} 起施行）', history: '历年星级',
  },
  review: {
    onlyStatus: '状态', open: '审核', view: '查看', submittedAt: '提交时间', selfTotal: '自评分', reviewTotal: '审核分', stars: '星级',
    parent: '上级组织', branch: '党支部', title: '审核：{{org}} {{year}} 年度', note: '审核意见', rate: '审核定星', return: '退回修改',
    returnNeedsNote: '退回须填写审核意见', rated: '已定星：{{stars}}', returnedDone: '已退回', hint: '由上级党组织逐项审核，审核分决定星级；本级和同级组织不能审核。',
    truncated: '仅显示前 2000 条，请缩小组织范围',
  },
  ratings: {
    distribution: '星级分布', byChild: '按下级组织', branches: '党支部 {{n}} 个', unrated: '未定星', filterStars: '星级', filterStatus: '评定状态',
    history: '近年星级', noRanking: '此处按组织排列，只显示分布，不做排名（整治形式主义为基层减负若干规定）。', export: '导出 Excel',
    exportTitle: '导出星级评定情况', exportNotice: '导出将记录导出人、用途、筛选条件和行数。', exportPlaceholder: '例如：年度星级评定汇总上报',
    count: '{{n}} 个',
  },
  weak: {
    list: '软弱涣散党组织', suggestions: '数据提示', suggestionsHint: '根据已有数据提示（上年星级二星及以下、近 12 个月组织生活少于 12 次、任期届满未换届），仅供研判，不自动认定。',
    name: '认定', nameTitle: '认定软弱涣散党组织', nameOrg: '党组织', reasons: '软弱涣散情形', note: '认定说明', named: '已认定',
    identifiedOn: '认定日期', identifiedBy: '认定组织', progress: '整改进度', tasks: '整改任务', overdue: '逾期 {{n}} 项',
    status: { rectifying: '整改中', rectified: '已销号' }, accept: '整改销号', acceptConfirm: '全部整改任务已完成，确认整改销号？', accepted: '已整改销号',
    acceptNote: '验收意见', onlyStatus: '状态', detail: '整改详情：{{org}}', reasonsLabel: '情形',
    task: {
      add: '添加整改任务', title: '整改任务', measure: '整改措施', owner: '责任人', dueOn: '完成时限', progress: '进度', done: '已完成',
      report: '报告进度', reportTitle: '报告进度：{{title}}', note: '进展说明', doneHint: '进度达到 100% 即为完成', doneOn: '完成日期',
    },
  },
  config: {
    versions: '评分标准版本', name: '名称', effectiveFrom: '施行日期', items: '评分项', used: '已用于评定', createdBy: '发布人', createdAt: '发布时间', builtIn: '系统预置',
    newVersion: '发布新版本', newTitle: '发布新版评分标准', hint: '每年的评定使用当年 1 月 1 日施行的版本；已开始评定的年度不受新版本影响。',
    onlyCity: '评分标准由市级组织部门发布。', sum: '各项满分合计 {{sum}} 分（应为 100 分）', thresholds: '星级分数线（不低于）',
    addItem: '添加评分项', code: '编号', published: '已发布', local: '本市做法：评分标准由各地制定，可随时发布新版本。',
  },
};
export default standards;
