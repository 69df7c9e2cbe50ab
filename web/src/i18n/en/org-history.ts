import type zh from '../zh/org-history';

const orgHistory: typeof zh = {
  emptyWithChildren:
    'No change of this organization itself yet. Changes of the organizations below are in the History tab of each of them: pick one under Sub-organizations or in the tree.',
  seeChildren: 'See the sub-organizations',
};
export default orgHistory;
