// The audit log's codes in words (SECURITY.md 19–22): people read 登录 and 查看完整身份证号, not
// `auth.login` and `member.reveal_id`. Every code the server writes has a label here, the actions of
// the permission matrix included (a refused access is recorded under the action refused);
// domain/audit-actions.test.ts walks the server's source to keep it so.
import { ACTIONS, type Action } from './permissions';

export interface AuditLabel {
  zh: string;
  en: string;
}

const L = (zh: string, en: string): AuditLabel => ({ zh, en });

/** The actions of the permission matrix: the code under which a refused access is recorded. */
const PERMISSION_ACTIONS: Record<Action, AuditLabel> = {
  'org.read': L('查看组织', 'View organizations'),
  'org.create': L('新建组织', 'Create an organization'),
  'org.update': L('编辑组织', 'Edit an organization'),
  'org.move': L('移动组织', 'Move an organization'),
  'org.dissolve': L('撤销组织', 'Dissolve an organization'),
  'user.read': L('查看账号', 'View accounts'),
  'user.manage': L('管理账号', 'Manage accounts'),
  'audit.read': L('查看审计日志', 'View the audit log'),
  'audit.export': L('导出审计日志', 'Export the audit log'),
  'system.config': L('系统配置', 'System configuration'),
  'member.read': L('查看党员', 'View members'),
  'member.write': L('编辑党员', 'Edit members'),
  'member.reveal_id': L('查看完整身份证号', 'Reveal an identity number'),
  'member.import': L('导入党员', 'Import members'),
  'member.export': L('导出党员', 'Export members'),
  'member.self': L('查看本人信息', 'View own record'),
  'status.write': L('变更党员状态', 'Change a member’s status'),
  'dev.read': L('查看发展党员', 'View member development'),
  'dev.write': L('办理发展党员', 'Record member development'),
  'dev.override': L('发展党员特殊情况', 'Development rule exception'),
  'transfer.read': L('查看组织关系转接', 'View transfers'),
  'transfer.write': L('办理组织关系转接', 'Handle transfers'),
  'dues.read': L('查看党费', 'View dues'),
  'dues.write': L('办理党费', 'Record dues'),
  'dues.approve': L('审批党费减免', 'Approve dues reductions'),
  'dues.export': L('导出党费', 'Export dues'),
  'life.read': L('查看组织生活', 'View organizational life'),
  'life.write': L('记录组织生活', 'Record organizational life'),
  'life.config': L('组织生活规则设置', 'Meeting rules'),
  'term.read': L('查看换届', 'View terms'),
  'term.write': L('办理换届', 'Handle terms'),
  'term.approve': L('审批换届', 'Approve terms'),
  'standard.read': L('查看标准化建设', 'View standards'),
  'standard.write': L('标准化自评与整改', 'Self-assessment and rectification'),
  'standard.review': L('标准化审核', 'Review assessments'),
  'standard.config': L('标准化评分标准设置', 'Standards checklist'),
  'task.read': L('查看融合任务', 'View joint tasks'),
  'task.write': L('办理融合任务', 'Handle joint tasks'),
  'task.check': L('检查融合任务', 'Check joint tasks'),
  'todo.digest': L('查看下级待办汇总', 'View the to-do digest'),
  'stats.read': L('查看统计', 'View statistics'),
  'stats.export': L('导出统计', 'Export statistics'),
};

/** The codes the server writes for what was done (changes, reads of sensitive data, exports). */
const EVENTS = {
  'auth.login': L('登录', 'Sign in'),
  'auth.logout': L('退出登录', 'Sign out'),
  'auth.password_change': L('修改密码', 'Change password'),
  'user.create': L('新建账号', 'Create an account'),
  'user.update': L('修改账号', 'Edit an account'),
  'user.reset_password': L('重置密码', 'Reset a password'),
  'user.unlock': L('解除锁定', 'Unlock an account'),
  'system.settings': L('修改安全设置', 'Change security settings'),
  'org.committee': L('设置班子成员', 'Set the committee'),
  'member.create': L('新增党员', 'Add a member'),
  'member.update': L('修改党员信息', 'Edit a member'),
  'status.flowing': L('登记流动党员', 'Register as mobile'),
  'status.flowing_end': L('结束流动', 'End mobility'),
  'status.lost_contact': L('认定失联', 'Mark out of contact'),
  'status.suspend': L('停止党籍', 'Suspend membership'),
  'status.leave': L('出党', 'Leave the Party'),
  'status.death': L('登记去世', 'Record a death'),
  'status.restore': L('恢复党籍', 'Restore membership'),
  'dev.apply': L('登记入党申请人', 'Register an applicant'),
  'dev.step': L('记录发展步骤', 'Record a development step'),
  'dev.step_override': L('按特殊情况记录发展步骤', 'Record a step as an exception'),
  'dev.export': L('导出发展党员', 'Export development'),
  'transfer.issue': L('开具介绍信', 'Issue a transfer letter'),
  'transfer.incoming': L('登记转入', 'Register an incoming transfer'),
  'transfer.receive': L('接收组织关系', 'Receive a transfer'),
  'transfer.confirm': L('确认转接', 'Confirm a transfer'),
  'transfer.return': L('退回介绍信', 'Return a transfer letter'),
  'transfer.print': L('打印介绍信', 'Print a transfer letter'),
  'transfer.export': L('导出转接', 'Export transfers'),
  'transfer.settings': L('修改转接设置', 'Change transfer settings'),
  'dues.base': L('核定党费基数', 'Set a dues base'),
  'dues.pay': L('登记缴纳党费', 'Record a dues payment'),
  'dues.pay.bulk': L('批量登记缴纳党费', 'Record dues payments in bulk'),
  'dues.voluntary': L('登记自愿多交党费', 'Record a voluntary payment'),
  'dues.reduction.propose': L('申请党费减免', 'Propose a dues reduction'),
  'dues.reduction.approve': L('批准党费减免', 'Approve a dues reduction'),
  'dues.reduction.reject': L('驳回党费减免', 'Reject a dues reduction'),
  'dues.settings': L('修改党费设置', 'Change dues settings'),
  'meeting.create': L('记录会议', 'Record a meeting'),
  'meeting.update': L('修改会议', 'Edit a meeting'),
  'meeting.cancel': L('取消会议', 'Cancel a meeting'),
  'meeting.export': L('导出会议', 'Export meetings'),
  'meeting.settings': L('修改会议设置', 'Change meeting settings'),
  'meeting.attachment.upload': L('上传会议附件', 'Upload an attachment'),
  'meeting.attachment.download': L('下载会议附件', 'Download an attachment'),
  'meeting.attachment.delete': L('删除会议附件', 'Delete an attachment'),
  'appraisal.save': L('保存民主评议', 'Save an appraisal'),
  'appraisal.finalize': L('确认民主评议结果', 'Finalize an appraisal'),
  'life.rules': L('修改组织生活频次规则', 'Change meeting rules'),
  'life.compliance.export': L('导出组织生活开展情况', 'Export meeting compliance'),
  'term.record': L('登记任期', 'Record a term'),
  'term.election.request': L('提交换届请示', 'Request an election'),
  'term.election.approve': L('批准换届请示', 'Approve an election request'),
  'term.election.reject': L('驳回换届请示', 'Reject an election request'),
  'term.election.result': L('登记选举结果', 'Record an election result'),
  'term.election.confirm': L('审批选举结果', 'Confirm an election result'),
  'term.adjust.propose': L('申请提前或延期换届', 'Propose a term change'),
  'term.adjust.approve': L('批准提前或延期换届', 'Approve a term change'),
  'term.adjust.reject': L('驳回提前或延期换届', 'Reject a term change'),
  'term.export': L('导出换届', 'Export terms'),
  'standard.checklist': L('发布评分标准', 'Publish a checklist'),
  'standard.self': L('保存自评', 'Save a self-assessment'),
  'standard.submit': L('提交自评', 'Submit a self-assessment'),
  'standard.review.rate': L('审核评星', 'Rate an assessment'),
  'standard.review.return': L('退回自评', 'Return an assessment'),
  'standard.weak.name': L('认定软弱涣散党组织', 'Name a weak organization'),
  'standard.weak.accept': L('验收整顿', 'Accept a rectification'),
  'standard.rectify.task': L('登记整改任务', 'Add a rectification task'),
  'standard.rectify.progress': L('更新整改进度', 'Update rectification progress'),
  'standard.export': L('导出标准化建设', 'Export standards'),
  'task.create': L('新建融合任务', 'Create a joint task'),
  'task.edit': L('修改融合任务', 'Edit a joint task'),
  'task.progress': L('更新融合任务进度', 'Report joint task progress'),
  'task.export': L('导出融合任务', 'Export joint tasks'),
  'todos.export': L('导出待办汇总', 'Export the to-do digest'),
  'stats.export.people': L('导出统计名单', 'Export a statistics list'),
  'stats.health.export': L('导出组织健康情况', 'Export organization health'),
  'stats.settings': L('修改统计设置', 'Change statistics settings'),
  'stats.verify': L('核对统计汇总', 'Verify statistics summaries'),
  'stats.repair': L('重建统计汇总', 'Rebuild statistics summaries'),
} satisfies Record<string, AuditLabel>;

export const AUDIT_ACTION_LABELS: Readonly<Record<string, AuditLabel>> = { ...PERMISSION_ACTIONS, ...EVENTS };

/** Every code in a stable order (by area, as listed), for the viewer's select. */
export const AUDIT_ACTIONS: readonly string[] = [...new Set([...Object.keys(EVENTS), ...ACTIONS])].sort();

/** The kinds of object an audit row may name. */
export const AUDIT_OBJECT_LABELS: Readonly<Record<string, AuditLabel>> = {
  org: L('组织', 'Organization'),
  member: L('党员', 'Member'),
  user: L('账号', 'Account'),
  dev_person: L('发展对象', 'Applicant'),
  transfer: L('介绍信', 'Transfer letter'),
  dues_reduction: L('党费减免', 'Dues reduction'),
  meeting: L('会议', 'Meeting'),
  appraisal: L('民主评议', 'Appraisal'),
  election: L('换届选举', 'Election'),
  term_adjustment: L('任期调整', 'Term change'),
  standard_assessment: L('标准化评定', 'Assessment'),
  standard_checklist: L('评分标准', 'Checklist'),
  weak_org: L('软弱涣散党组织', 'Weak organization'),
  rectification_task: L('整改任务', 'Rectification task'),
  joint_task: L('融合任务', 'Joint task'),
  stats_table: L('统计表', 'Statistics table'),
  settings: L('设置', 'Settings'),
  audit_log: L('审计日志', 'Audit log'),
};

export type AuditLang = 'zh' | 'en';

/** The label of a code; an unknown code (a row older than its label) is shown as it is. */
export const auditActionLabel = (code: string, lang: AuditLang = 'zh'): string => AUDIT_ACTION_LABELS[code]?.[lang] ?? code;
export const auditObjectLabel = (type: string, lang: AuditLang = 'zh'): string => AUDIT_OBJECT_LABELS[type]?.[lang] ?? type;
