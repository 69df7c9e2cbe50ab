// 「发展党员」界面文字。English: ../en/development.ts (same keys, checked by the compiler).
const development = {
  title: '发展党员',
};

export default development;
