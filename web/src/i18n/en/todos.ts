// "To-do" interface text. Same keys as ../zh/todos.ts.
import type zh from '../zh/todos';

const todos: typeof zh = {
  title: 'To-do',
  tabs: { mine: 'My to-dos', digest: 'Digest by organization' },
  summary: '{{total}} items, {{overdue}} overdue',
  empty: 'Nothing to do. Deadlines are computed from the records; nothing is entered by hand.',
  dueOn: 'by {{date}}',
  noDue: 'No deadline',
  overdue: 'Overdue',
  dueToday: 'Due today',
  dueIn: 'Due in {{n}} days',
  today: 'Today',
  inDays: 'in {{n}} days',
  overdueBy: '{{n}} days overdue',
  rule: 'Basis: {{rule}}',
  open: 'Open',
  badge: 'To-dos: {{total}}, {{overdue}} overdue',
  badgeLabel: 'To-do',
  groupCount: '{{count}}',
  showAll: 'Show all {{n}}',
  groupOverdue: '{{n}} overdue',
  digest: {
    org: 'Organization',
    self: ' (itself)',
    total: 'Total',
    overdue: 'Overdue',
    totalHint:
      "To-dos the organization and those below it must act on, as in each organization's own list; a request (dues reduction, election request...) counts at the higher organization that decides it.",
    awaitingHigher: 'Awaiting a higher level',
    awaitingHigherHint:
      "Requests raised here or below that a higher organization decides; not in this row's total (they count at the deciding organization).",
    computedAt: 'Computed at {{time}} (results up to two minutes old are reused)',
    refresh: 'Refresh',
    export: 'Export to Excel',
    exportTitle: 'Export the to-do digest',
    exportNotice:
      'Exports the to-do counts of each organization directly under {{org}} (by kind, with overdue counts), without personal data. The export is recorded in the audit log.',
    exportPlaceholder: 'e.g. quarterly review of organizational life',
    back: 'Up one level',
    drill: 'Open',
    items: '{{org}}: to-dos',
    allKinds: 'All kinds',
    itemsHint: 'Only the kinds you may act on are listed.',
    truncated: '{{total}} items, the first {{n}} shown',
    none: 'Nothing to do in this organization or below it',
  },
};
export default todos;
