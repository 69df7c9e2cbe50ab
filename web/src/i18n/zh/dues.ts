// 「党费管理」界面文字。English: ../en/dues.ts (same keys, checked by the compiler).
const dues = {
  title: '党费管理',
};

export default dues;
