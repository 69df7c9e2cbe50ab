// "Statistics" interface text. Same keys as ../zh/statistics.ts.
import type zh from '../zh/statistics';

const statistics: typeof zh = {
  title: 'Statistics',
};
export default statistics;
