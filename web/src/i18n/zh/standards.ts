// 「标准化规范化建设」界面文字。English: ../en/standards.ts (same keys, checked by the compiler).
const standards = {
  title: '标准化规范化建设',
};
export default standards;
