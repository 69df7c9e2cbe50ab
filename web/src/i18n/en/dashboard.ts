// "Dashboard" interface text. Same keys as ../zh/dashboard.ts.
import type zh from '../zh/dashboard';

const dashboard: typeof zh = {
  title: 'Dashboard',
};
export default dashboard;
