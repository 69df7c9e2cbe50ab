// 「组织 › 变更历史」界面文字。English: ../en/org-history.ts (same keys, checked by the compiler).
const orgHistory = {
  emptyWithChildren:
    '本组织自身暂无变更记录。下级组织的新建、修改、调整隶属等记录在各自组织页的「变更历史」中，请在「下级组织」或左侧组织树中选择。',
  seeChildren: '查看下级组织',
};
export default orgHistory;
