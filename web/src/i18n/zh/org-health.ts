// 「组织健康度」界面文字。English: ../en/org-health.ts (same keys, checked by the compiler).
const health = {
  title: '组织健康度',
};
export default health;
