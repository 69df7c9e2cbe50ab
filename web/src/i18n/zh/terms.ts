// 「换届选举」界面文字。English: ../en/terms.ts (same keys, checked by the compiler).
const terms = {
  title: '换届选举',
};
export default terms;
