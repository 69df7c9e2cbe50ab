// 「党内统计」界面文字。English: ../en/statistics.ts (same keys, checked by the compiler).
const statistics = {
  title: '党内统计',
};
export default statistics;
