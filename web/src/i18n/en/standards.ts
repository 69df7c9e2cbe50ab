// "Branch standards" interface text. Same keys as ../zh/standards.ts.
import type zh from '../zh/standards';

const standards: typeof zh = {
  title: 'Branch standards',
  org: 'Organization',
  year: 'Year',
  yearValue: 'Year {{year}}',
  tabs: { self: 'Self-assessment', review: 'Review', ratings: 'Stars', weak: 'Weak organizations', config: 'Checklist' },
  status: { none: 'Not started', draft: 'Draft', submitted: 'Awaiting review', reviewed: 'Rated', returned: 'Returned' },
  notBranch: 'Branches assess themselves and this organization is not one. Pick a branch above to fill in or view its self-assessment, or see the star ratings of the branches below.', seeRatings: 'See the star ratings',
  sheet: {
    category: 'Category', item: 'Item', guide: 'How to score', max: 'Max', self: 'Self score', review: 'Review score', note: 'Note',
    total: 'Total {{total}}', wouldGive: 'under the current thresholds:', unscored: '{{n}} items not scored', notePlaceholder: 'Reason for deduction or evidence (optional)',
  },
  self: {
    note: 'Self-assessment note', save: 'Save draft', submit: 'Submit for review', submitConfirm: 'Once submitted it cannot be changed; the higher organization reviews and rates it. Submit?',
    submitted: 'Submitted, awaiting review', returned: 'Returned by the higher level: {{note}}', reviewed: 'Reviewed by {{org}}: {{total}} points, {{stars}}', readOnly: 'Your role can only view the self-assessment',
    checklist: 'Checklist: {{name}} (in force from {{from}})', history: 'Star history',
  },
  review: {
    onlyStatus: 'Status', open: 'Review', view: 'View', submittedAt: 'Submitted', selfTotal: 'Self score', reviewTotal: 'Review score', stars: 'Stars',
    parent: 'Parent organization', branch: 'Branch', title: 'Review: {{org}}, {{year}}', note: 'Review note', rate: 'Rate', return: 'Return',
    returnNeedsNote: 'A return needs a review note', rated: 'Rated: {{stars}}', returnedDone: 'Returned', hint: 'A strictly higher organization reviews item by item; the review total gives the stars. The branch itself and its peers cannot review.',
    truncated: 'Only the first 2000 are shown; narrow the organization',
  },
  ratings: {
    distribution: 'Distribution', byChild: 'By child organization', branches: '{{n}} branches', unrated: 'Not rated', filterStars: 'Stars', filterStatus: 'Status',
    history: 'Recent years', noRanking: 'Listed in tree order: a distribution, not a ranking (rules on reducing grassroots burden).', export: 'Export Excel',
    exportTitle: 'Export star ratings', exportNotice: 'The export is logged with who, why, the filter and the row count.', exportPlaceholder: 'e.g. yearly star-rating summary',
    count: '{{n}}',
  },
  weak: {
    list: 'Weak organizations', suggestions: 'Signals from the data', suggestionsHint: 'From data already recorded (≤ 2 stars last year, fewer than 12 meetings in 12 months, an overdue term): for judgement, never an automatic naming.',
    name: 'Name', nameTitle: 'Name a weak organization', nameOrg: 'Organization', reasons: 'Situations', note: 'Note', named: 'Named',
    identifiedOn: 'Named on', identifiedBy: 'Named by', progress: 'Progress', tasks: 'Rectification tasks', overdue: '{{n}} overdue',
    status: { rectifying: 'Rectifying', rectified: 'Accepted' }, accept: 'Accept rectification', acceptConfirm: 'Every task is done. Accept the rectification?', accepted: 'Rectification accepted',
    acceptNote: 'Acceptance note', onlyStatus: 'Status', detail: 'Rectification: {{org}}', reasonsLabel: 'Situations',
    task: {
      add: 'Add task', title: 'Task', measure: 'Measure', owner: 'Owner', dueOn: 'Due', progress: 'Progress', done: 'Done',
      report: 'Report progress', reportTitle: 'Report progress: {{title}}', note: 'Progress note', doneHint: '100 % marks the task done', doneOn: 'Done on',
    },
  },
  config: {
    versions: 'Checklist versions', name: 'Name', effectiveFrom: 'In force from', items: 'Items', used: 'Assessments', createdBy: 'Published by', createdAt: 'Published on', builtIn: 'Built in',
    newVersion: 'Publish a new version', newTitle: 'Publish a new checklist', hint: 'Each year uses the version in force on 1 January; years already being assessed keep theirs.',
    onlyCity: 'The checklist is published by the city organization department.', sum: 'Items add up to {{sum}} (must be 100)', thresholds: 'Star thresholds (at least)',
    addItem: 'Add item', code: 'Code', published: 'Published', local: 'Local practice: each city sets its own checklist and may publish new versions.',
  },
};
export default standards;
