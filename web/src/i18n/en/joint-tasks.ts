// "Party building + business" interface text. Same keys as ../zh/joint-tasks.ts.
import type zh from '../zh/joint-tasks';

const jointTasks: typeof zh = {
  title: 'Party building + business',
};
export default jointTasks;
