// "Terms and elections" interface text. Same keys as ../zh/terms.ts.
import type zh from '../zh/terms';

const terms: typeof zh = {
  title: 'Terms and elections',
};
export default terms;
