// "Compliance monitor" interface text. Same keys as ../zh/compliance.ts.
import type zh from '../zh/compliance';

const compliance: typeof zh = {
  title: 'Compliance monitor',
};
export default compliance;
