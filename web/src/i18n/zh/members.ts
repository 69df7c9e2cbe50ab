// 「党员管理」界面文字。English: ../en/members.ts (same keys, checked by the compiler).
const members = {
  title: '党员管理',
};

export default members;
