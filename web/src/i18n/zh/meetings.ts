// 「组织生活」界面文字。English: ../en/meetings.ts (same keys, checked by the compiler).
// 会议类型、状态、评议等次的名称来自 domain/（meeting-kinds.ts、rules/meeting-records.ts）。
const meetings = {
  title: '组织生活',
  tabs: { list: '会议记录', appraisal: '民主评议党员' },
  org: '党组织',
  pickOrg: '选择党组织',
  subtree: '含下级组织',
  record: '登记会议',
  exportButton: '导出',
  late: '补录',
  lateHint: '召开 {{days}} 天后才登记的记录标记为“补录”：照常计入组织生活检查，不会被拒绝，登记时间如实保留',
  filter: { kind: '会议类型', status: '状态', from: '开始日期', to: '结束日期', lateOnly: '只看补录' },
  col: { date: '日期', kinds: '类型', topic: '会议主题', org: '党组织', status: '状态', attendance: '出席', place: '地点', host: '主持人', attachments: '附件' },
  form: {
    createTitle: '登记会议', editTitle: '修改会议记录', holdTitle: '登记会议召开情况',
    status: '登记为', held: '已召开', planned: '计划召开',
    kinds: '会议类型', kindsHint: '一次会议可同时属于多种类型（如主题党日同时上党课），每种类型的检查都会计入',
    heldOn: '召开日期', plannedOn: '计划日期', startTime: '开始时间', place: '地点', topic: '会议主题', host: '主持人', recorder: '记录人',
    minutes: '会议内容（记录）', decisions: '形成的决议 / 决定', attendance: '出席情况', submit: '保存', saved: '已保存',
    kindsRequired: '请至少选择一种会议类型', dateRequired: '请选择日期', topicRequired: '请填写会议主题（至少 2 个字）',
    lateWarning: '召开日期距今已超过 {{days}} 天，保存后将标记为“补录”（如实记录，照常计入）',
    afterSave: '保存后可在会议详情中上传附件（会议记录扫描件、照片、签到表等）',
    plannedHint: '计划中的会议不登记出席情况；召开后点“登记召开”补充出席和会议内容',
  },
  attendance: {
    name: '姓名', category: '类别', group: '党小组', present: '出席', reason: '缺席原因', reasonNote: '说明（可选）',
    allPresent: '全部设为出席', summary: '应到 {{should}} 人，实到 {{present}} 人，缺席 {{absent}} 人', noRoster: '该组织及其党小组没有党员',
    reasonRequired: '请选择缺席原因', remove: '移出名单', removed: '已移出 {{n}} 人（如谈心谈话、支委会只登记参加的人员）', restore: '恢复全部',
    full: '正式党员', probationary: '预备党员',
  },
  detail: {
    title: '会议记录', print: '打印', edit: '编辑', hold: '登记召开', cancel: '取消会议', cancelled: '会议已取消',
    cancelConfirm: '取消后该会议不再计入组织生活检查，且不能恢复。确定取消？',
    recordedAt: '登记时间', createdBy: '登记人', should: '应到', present: '实到', absentees: '缺席人员及原因', attendees: '出席人员', none: '无',
    attachments: '附件', upload: '上传附件', uploadHint: 'PDF、JPG、PNG、Word、Excel、PPT，单个不超过 10 MB，每次会议最多 20 个', uploaded: '已上传 {{name}}',
    download: '下载', remove: '删除', removeConfirm: '确定删除附件“{{name}}”？', printTitle: '会议记录', orgLine: '党组织', signature: '记录人签字：', hostSignature: '主持人签字：',
    persons: '{{n}} 人', planned: '计划于 {{date}} 召开',
  },
  export: { title: '导出会议记录', notice: '导出与当前筛选一致的会议记录（不含会议内容全文），导出行为将记入审计日志。', placeholder: '如：年度组织生活情况检查' },
  appraisal: {
    year: '年度', meeting: '评议会议', noMeeting: '（未关联会议）', grade: '评定等次', gradeNote: '说明', category: '类别',
    probationary: '预备党员：参加评议，不评定等次', counter: '优秀 {{n}} / 上限 {{limit}}', graded: '已评定 {{graded}} / {{total}} 名正式党员',
    limitHint: '评为优秀的一般不超过参评正式党员的三分之一（地方实践）；预备党员参加评议但不评定等次',
    save: '保存草稿', saved: '草稿已保存', finalize: '确认评议结果', finalized: '评议结果已确认',
    finalizeConfirm: '确认后评议结果成为正式记录，不能再修改。确定确认？', restQualified: '未评定的设为合格',
    status: { new: '未开始', draft: '草稿', final: '已确认' }, finalizedAt: '确认于 {{at}}', meetingHint: '选择召开民主评议的组织生活会或评议会议',
  },
  mine: {
    title: '我的组织生活', year: '年度', upcoming: '即将召开', history: '我参加的会议',
    present: '出席', absentTag: '缺席', none: '本年度暂无会议记录', noUpcoming: '暂无计划召开的会议',
  },
};
export default meetings;
