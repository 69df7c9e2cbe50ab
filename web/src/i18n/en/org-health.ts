// "Organization health" interface text. Same keys as ../zh/org-health.ts.
import type zh from '../zh/org-health';

const health: typeof zh = {
  title: 'Organization health',
};
export default health;
