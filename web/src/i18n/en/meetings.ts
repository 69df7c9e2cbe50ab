// "Organizational life" interface text. Same keys as ../zh/meetings.ts.
import type zh from '../zh/meetings';

const meetings: typeof zh = {
  title: 'Organizational life',
};
export default meetings;
