// "Branch standards" interface text. Same keys as ../zh/standards.ts.
import type zh from '../zh/standards';

const standards: typeof zh = {
  title: 'Branch standards',
};
export default standards;
