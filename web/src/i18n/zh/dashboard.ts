// 「数据看板」界面文字。English: ../en/dashboard.ts (same keys, checked by the compiler).
const dashboard = {
  title: '数据看板',
};
export default dashboard;
