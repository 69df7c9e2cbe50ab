// "Organization health" interface text. Same keys as ../zh/org-health.ts.
import type zh from '../zh/org-health';

const orgHealth: typeof zh = {
  title: 'Organization health',
  intro:
    'Meetings, terms, dues, development and standards of each organization, with the reasons behind each signal. About organizations only: no ranking of members, no points.',
  org: 'Organization',
  pickOrg: 'Pick an organization',
  asOf: 'As of {{date}}; meetings for {{quarter}} and the year so far, dues rate {{from}} to {{to}}',
  attentionFirst: 'Needs attention first',
  onlyFlagged: 'Only organizations with a warning or attention',
  export: 'Export Excel',
  dashboard: 'Dashboard',
  total: 'Total',
  members: 'Members',
  orgName: 'Organization',
  notApplicable: 'Not applicable',
  basis: 'Basis: {{basis}}',
  counts: '{{warning}} with a warning, {{attention}} needing attention, of {{rows}}',
  empty: 'No organizations below',
  exportTitle: 'Export organization health',
  exportNotice: 'Exports the signals and reasons of the organizations below the current one; the export is recorded in the audit log.',
  exportPurposePlaceholder: 'e.g. annual inspection of grassroots Party work',
  order: 'Order',
  orderTree: 'Tree order',
  orderAttention: 'Needs attention first',
};
export default orgHealth;
