// 「党费管理」界面文字。English: ../en/dues.ts (same keys, checked by the compiler).
const dues = {
  title: '党费管理',
  org: '党组织',
  pickOrg: '选择党组织',
  tabs: { sheet: '按月收缴', arrears: '欠缴预警', reductions: '减免审批', totals: '收缴统计', settings: '党费设置' },
  yuan: '{{v}} 元',
  category: { employed: '在职', retired: '离退休', farmer: '农民', student: '学生', unemployed: '下岗失业', relief: '生活困难/低保' },
  source: { salary: '工资（税后）', pension: '养老金', annual_pay: '年薪制当月实发', quarter_avg: '上季度月平均纯收入', fixed: '定额' },
  level: { none: '正常', notice: '欠缴', warning: '预警', urgent: '紧急', lapsed: '已达期限' },
  levelHint: '连续 {{warn}} 个月未缴提醒，{{urgent}} 个月紧急；连续 {{lapse}} 个月不交纳党费且无正当理由，按党章第九条视为自行脱党',
  memberCategory: { full: '正式党员', probationary: '预备党员' },
  sheet: {
    month: '月份', paidOn: '缴纳日期', collectedBy: '收缴人', save: '登记已勾选（{{n}} 人）', saved: '已登记 {{n}} 人',
    name: '姓名', duesCategory: '类别', base: '基数', due: '应缴', paid: '实缴', receipt: '收据号', status: '状态',
    noBase: '未设基数', paidTag: '已缴', unpaidTag: '未缴', summary: '本月应缴 {{due}} 元，已缴 {{paid}} 元，{{count}} 人未缴',
    notBranch: '按月收缴表列出本组织直属的党员，该组织没有直属党员。请在上方选择一个党支部，或查看下级组织的收缴统计。', seeTotals: '查看收缴统计', unpaidOnly: '只看未缴',
  },
  arrears: {
    asOf: '统计至 {{month}}（本月仍在收缴期，不计欠缴）', minLevel: '显示', consecutive: '连续欠缴（月）', unpaidMonths: '欠缴月数',
    oldest: '最早欠缴', owed: '欠缴金额', truncated: '仅显示前 {{n}} 人，请缩小组织范围', all: '全部欠缴',
  },
  member: {
    title: '{{name}} 的党费', current: '现行基数', currentValue: '{{base}}（{{from}} 起）', noBase: '尚未设置党费基数', ledger: '逐月应缴与实缴', bases: '基数历史', payments: '缴费记录',
    reductions: '减免', month: '月份', due: '应缴', paid: '实缴', reduced: '减免', pay: '补缴 / 预缴', voluntary: '自愿多交', propose: '申请减免',
    changeBase: '变更基数', effectiveFrom: '生效月份', recordedAt: '登记时间', kind: '类型', regular: '按月', toCentre: '全额上缴中央', arrears: '欠缴 {{n}} 个月，共 {{v}} 元',
  },
  base: {
    category: '党费类别', baseFen: '税后月收入 / 养老金（元）', source: '基数来源', effectiveFrom: '自何月起', note: '备注',
    computed: '每月应缴：{{v}} 元', rate: '（按 {{rate}}% 全额计算）', fixed: '（定额）', articleHint: '中组发〔2008〕3号：按全额适用比例，不累进；工资变动当月起按新基数（第十条）',
  },
  pay: { months: '缴纳月份', receiptNo: '收据号', amount: '金额（元）', centreHint: '一次自愿多交 1000 元以上，全额上缴中央（第十一条）', submit: '登记' },
  reduction: {
    kind: '方式', reduce: '减交', exempt: '免交', amount: '减免后每月应缴（元）', from: '起始月', to: '截止月', reason: '困难情况说明',
    status: { proposed: '待上级审批', approved: '已批准', rejected: '未批准' }, approve: '批准', reject: '不批准', note: '审批意见',
    proposedBy: '申请人', decidedBy: '审批人', hint: '党支部提出，上级党委审批（第七条）；提出申请的组织不能自行审批', onlyPending: '只看待审批',
  },
  totals: {
    from: '起始月', to: '截止月', due: '应缴', paid: '实缴', voluntary: '自愿多交', toCentre: '上缴中央', payers: '缴费人次', rate: '收缴率',
    byMonth: '按月', byChild: '按下级组织', total: '合计',
  },
  export: {
    button: '导出 Excel', title: '导出党费数据', kind: '内容', detail: '收缴明细', summary: '收缴汇总', arrears: '欠缴名单', range: '月份区间',
    purpose: '导出用途', purposeRequired: '请填写导出用途（至少 2 个字）', purposePlaceholder: '例如：2026 年第三季度党费对账', notice: '导出内容含党员个人信息，将记录导出人、用途、筛选条件和行数。', ok: '导出',
  },
  settings: {
    rounding: '取整方式', roundingOpts: { half_up: '四舍五入到分', floor: '舍去到分', ceil: '进位到分', jiao_half_up: '四舍五入到角' },
    farmer: '农民党员每月（元）', warn: '提醒（连续欠缴月数）', urgent: '紧急（月）', lapse: '视为自行脱党（月）', onlyCity: '由市级组织部门设置；修改取整方式会重算所有基数的月应缴额。',
  },
};

export default dues;
