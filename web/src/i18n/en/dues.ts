import type zh from '../zh/dues';

const dues: typeof zh = {
  title: 'Party dues',
  org: 'Organization',
  pickOrg: 'Pick an organization',
  tabs: { sheet: 'Monthly collection', arrears: 'Arrears', reductions: 'Reductions', totals: 'Totals', settings: 'Settings' },
  yuan: '¥{{v}}',
  category: { employed: 'Employed', retired: 'Retired', farmer: 'Farmer', student: 'Student', unemployed: 'Laid off / unemployed', relief: 'On relief' },
  source: { salary: 'Salary (after tax)', pension: 'Pension', annual_pay: 'Annual-pay scheme, paid this month', quarter_avg: 'Last quarter monthly average', fixed: 'Fixed amount' },
  level: { none: 'Normal', notice: 'Behind', warning: 'Warning', urgent: 'Urgent', lapsed: 'Limit reached' },
  levelHint: 'Warning after {{warn}} unpaid months, urgent after {{urgent}}; {{lapse}} consecutive months unpaid without good reason count as leaving the Party (Constitution art. 9)',
  memberCategory: { full: 'Full member', probationary: 'Probationary' },
  sheet: {
    month: 'Month', paidOn: 'Paid on', collectedBy: 'Collected by', save: 'Record ticked ({{n}})', saved: 'Recorded {{n}} members',
    name: 'Name', duesCategory: 'Category', base: 'Base', due: 'Due', paid: 'Paid', receipt: 'Receipt', status: 'Status',
    noBase: 'No base', paidTag: 'Paid', unpaidTag: 'Unpaid', summary: 'Due ¥{{due}}, paid ¥{{paid}}, {{count}} unpaid',
    notBranch: 'The monthly sheet lists the members an organization holds directly, and this one holds none. Pick a branch above, or see the totals of the organizations below.', seeTotals: 'See the totals', unpaidOnly: 'Unpaid only',
  },
  arrears: {
    asOf: 'Up to {{month}} (the current month is still being collected)', minLevel: 'Show', consecutive: 'Consecutive months', unpaidMonths: 'Unpaid months',
    oldest: 'Oldest unpaid', owed: 'Owed', truncated: 'Showing the first {{n}} only; narrow the organization', all: 'All in arrears',
  },
  member: {
    title: 'Dues of {{name}}', current: 'Current base', currentValue: '{{base}} (since {{from}})', noBase: 'No dues base yet', ledger: 'Due and paid by month', bases: 'Base history', payments: 'Payments',
    reductions: 'Reductions', month: 'Month', due: 'Due', paid: 'Paid', reduced: 'Reduced', pay: 'Pay back / ahead', voluntary: 'Voluntary extra', propose: 'Propose reduction',
    changeBase: 'Change base', effectiveFrom: 'From month', recordedAt: 'Recorded', kind: 'Kind', regular: 'Monthly', toCentre: 'Remitted to the centre', arrears: '{{n}} months unpaid, ¥{{v}} in total',
  },
  base: {
    category: 'Dues category', baseFen: 'Net monthly pay / pension (¥)', source: 'Source of the base', effectiveFrom: 'From month', note: 'Note',
    computed: 'Monthly dues: ¥{{v}}', rate: ' ({{rate}}% of the whole base)', fixed: ' (fixed)', articleHint: 'Zhongzufa [2008] No. 3: one rate on the whole base, not progressive; a pay change applies from its month (art. 10)',
  },
  pay: { months: 'Months', receiptNo: 'Receipt no.', amount: 'Amount (¥)', centreHint: 'A single voluntary payment of ¥1000 or more goes wholly to the centre (art. 11)', submit: 'Record' },
  reduction: {
    kind: 'Kind', reduce: 'Reduce', exempt: 'Exempt', amount: 'Monthly amount while reduced (¥)', from: 'From', to: 'To', reason: 'Hardship',
    status: { proposed: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected' }, approve: 'Approve', reject: 'Reject', note: 'Comment',
    proposedBy: 'Proposed by', decidedBy: 'Decided by', hint: 'The branch proposes, the higher committee approves (art. 7); the proposing level cannot approve', onlyPending: 'Pending only',
  },
  totals: {
    from: 'From', to: 'To', due: 'Due', paid: 'Paid', voluntary: 'Voluntary', toCentre: 'To the centre', payers: 'Payments', rate: 'Collected',
    byMonth: 'By month', byChild: 'By organization', total: 'Total',
  },
  export: {
    button: 'Export Excel', title: 'Export dues', kind: 'Content', detail: 'Payment details', summary: 'Summary', arrears: 'Arrears list', range: 'Months',
    purpose: 'Purpose', purposeRequired: 'State the purpose (at least 2 characters)', purposePlaceholder: 'e.g. reconciliation for Q3 2026', notice: 'The export holds personal data; who exported it, why, the filter and the row count are recorded.', ok: 'Export',
  },
  settings: {
    rounding: 'Rounding', roundingOpts: { half_up: 'Half up to the fen', floor: 'Down to the fen', ceil: 'Up to the fen', jiao_half_up: 'Half up to the jiao' },
    farmer: 'Farmers per month (¥)', warn: 'Warning (months unpaid)', urgent: 'Urgent (months)', lapse: 'Counted as leaving (months)', onlyCity: 'Set by the city organization department; changing the rounding recomputes every base.',
  },
};

export default dues;
