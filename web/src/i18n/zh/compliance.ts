// 「组织生活合规监测」界面文字。English: ../en/compliance.ts (same keys, checked by the compiler).
const compliance = {
  title: '组织生活合规监测',
};
export default compliance;
