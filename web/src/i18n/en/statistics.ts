// "Statistics" interface text. Same keys as ../zh/statistics.ts.
import type zh from '../zh/statistics';

const statistics: typeof zh = {
  title: 'Statistics',
  tables: 'Tables',
  org: 'Organization',
  pickOrg: 'Choose an organization',
  month: 'Month',
  asOf: 'Reference date: {{date}}',
  period: 'Period',
  date: '{{date}}',
  unit: 'Unit: {{unit}}',
  ageBands: 'Age bands',
  ageBandsHint: 'Upper bounds of the bands, comma-separated, e.g. 30,35,40,45,50,55,60',
  ageBandsApply: 'Apply',
  ageBandsReset: 'Default',
  ageBandsInvalid: 'Age bands are ascending whole numbers from 18 to 100, separated by commas',
  hideZero: 'Hide organizations without numbers',
  nameColumn: 'Organization',
  totalRow: 'Total',
  emptyTable:
    'Nothing to count for this organization in {{year}} up to the reference date (yearly work such as appraisals is often finalized at the year end); see the year before.',
  previousYear: 'See {{year}}',
  drillHint: 'Click an organization to see the ones below it; click a number to see who is behind it',
  print: 'Print',
  exportTable: 'Export table',
  definition: 'What is counted',
  reconciled: 'Every total equals the sum of its parts and of the rows',
  notReconciled: '{{n}} totals do not add up',
  people: {
    total: '{{n}} people',
    totalOrgs: '{{n}} organizations',
    export: 'Export list',
    open: 'Open the member record',
  },
  export: {
    title: 'Export table',
    notice:
      'Exported as an Excel sheet in the statistics layout (title, reporting unit, reference date, headers, total). The export is audited.',
    purposePlaceholder: 'e.g. annual statistics report to the higher organization department',
    peopleTitle: 'Export list',
    peopleNotice: 'Identity numbers are masked. The export is audited with its purpose, filter and row count.',
    peoplePlaceholder: 'e.g. checking the statistics',
  },
};
export default statistics;
