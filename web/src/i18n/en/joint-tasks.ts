// "Party building + business" interface text. Same keys as ../zh/joint-tasks.ts.
import type zh from '../zh/joint-tasks';

const jointTasks: typeof zh = {
  title: 'Party building + business',
  subtitle: 'Planned, deployed, carried out and checked together',
  org: 'Organization',
  year: 'Year',
  allYears: 'All years',
  stage: 'Stage',
  allStages: 'All stages',
  overdueOnly: 'Overdue only',
  subtree: 'Include child organizations',
  view: { board: 'Board', table: 'Table' },
  create: 'New task',
  export: 'Export Excel',
  exportTitle: 'Export joint tasks',
  exportNotice: 'Exports the current filter; logged with who, why, the filter and the row count.',
  exportPlaceholder: 'e.g. yearly joint-task inspection',
  truncated: 'Only the first 2000 are shown; narrow the organization',
  field: {
    title: 'Task', partySide: 'Party-building side', businessSide: 'Business side', partyOwner: 'Party owner', businessOwner: 'Business owner',
    startOn: 'Start', dueOn: 'Due', progress: 'Progress', org: 'Organization', checkResult: 'Check result', checkNote: 'Check note', checkedBy: 'Checked by',
  },
  overdue: 'Overdue',
  dueOn: 'due {{date}}',
  empty: 'No tasks',
  drawer: {
    report: 'Report progress', moveTo: 'Stage', note: 'Note', backNeedsNote: 'Going back a stage needs a reason', save: 'Submit', saved: 'Updated',
    check: 'Record the check', checkHint: 'After completion, the organization itself or a higher one checks', checked: 'Check recorded', log: 'Progress log', edit: 'Edit task',
    closed: 'The task has been checked and is closed',
  },
};
export default jointTasks;
