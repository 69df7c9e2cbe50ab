// 「组织生活」界面文字。English: ../en/meetings.ts (same keys, checked by the compiler).
const meetings = {
  title: '组织生活',
};
export default meetings;
