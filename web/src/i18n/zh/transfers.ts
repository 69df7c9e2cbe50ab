// 「组织关系转接」界面文字。English: ../en/transfers.ts (same keys, checked by the compiler).
const transfers = {
  title: '组织关系转接',
  tabs: { out: '转出', in: '转入', overdue: '逾期', status: '状态变更' },
  newLetter: '开具介绍信',
  registerIncoming: '登记市外转入',
  export: '导出 Excel',
  exportPurpose: '导出用途',
  exportDone: '已导出',
  search: '姓名或编号',
  col: {
    letterNo: '介绍信编号', kind: '类型', member: '姓名', category: '类别', from: '转出党组织', to: '接收党组织',
    issuedOn: '开具日期', expiresOn: '有效期至', status: '状态', actions: '操作', reason: '原因',
  },
  full: '正式党员',
  probationary: '预备党员',
  overdue: '逾期',
  act: { print: '打印介绍信', receive: '接收', confirm: '确认', receipt: '登记回执', return: '退回' },
  confirmText: '确认后党员的组织关系转入接收党组织，不能撤销。继续？',
  receiptText: '登记回执后党员状态为「已转出」。继续？',
  returnTitle: '退回介绍信',
  returnReason: '退回原因',
  done: '已办理',
  form: {
    kind: '转接类型', fromOrg: '转出党组织', member: '党员', toOrg: '接收党组织', toOrgName: '接收党组织名称', toAddress: '接收党组织地址',
    reason: '转接原因', validDays: '有效期（天）', duesPaidUntil: '党费交至', issuedOn: '开具日期', searchTarget: '输入名称或拼音首字母搜索',
    fromOrgName: '转出党组织名称', externalNo: '原介绍信编号', name: '姓名', gender: '性别', idNumber: '身份证号', admittedOn: '入党日期', fullOn: '转正日期', phone: '联系电话',
    memberOption: '{{name}}（{{gender}}，{{category}}）',
    required: {
      member: '请选择党员', toOrg: '请选择接收党组织', toOrgName: '请填写接收党组织名称', reason: '请填写转接原因',
      fromOrgName: '请填写转出党组织名称', externalNo: '请填写介绍信编号', issuedOn: '请选择开具日期', name: '请填写姓名',
    },
  },
  defaultDays: '默认 {{days}} 天',
  status: {
    attention: '需处理', lists: '状态名单', change: '办理状态变更', kind: '变更类型', date: '日期', reason: '原因', documentNo: '文号',
    exitKind: '出党方式', basis: '停止党籍依据', abroadSince: '出国（境）日期', certificateNo: '流动党员活动证编号', place: '流入地',
    contact: '联系方式', attendingOrg: '参加组织生活的党组织', since: '起始日期', org: '所在党组织', current: '当前状态', flowingInfo: '流动情况',
    basisLost: '失联满 6 个月', basisAbroad: '出国（境）定居或学习超过 5 年', memberId: '党员编号',
    required: {
      kind: '请选择变更类型', date: '请选择日期', certificateNo: '请填写流动党员活动证编号', place: '请填写流入地', contact: '请填写联系方式',
      attendingOrg: '请填写参加组织生活的党组织', abroadSince: '请填写出国（境）日期', reason: '请填写原因',
    },
  },
};

export default transfers;
