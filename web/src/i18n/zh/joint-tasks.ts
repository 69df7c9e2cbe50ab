// 「党建业务融合」界面文字。English: ../en/joint-tasks.ts (same keys, checked by the compiler).
const jointTasks = {
  title: '党建业务融合',
};
export default jointTasks;
