// "Terms and elections" interface text. Same keys as ../zh/terms.ts.
import type zh from '../zh/terms';

const terms: typeof zh = {
  title: 'Terms and elections',
  org: 'Organization',
  pickOrg: 'Pick an organization',
  tabs: { list: 'Terms', approvals: 'To approve', watch: 'Overdue and delayed' },
  state: { all: 'All', normal: 'In term', ending: 'Ends in 4–6 months', request_window: 'Request due', overdue: 'Overdue', delayed: 'Delay approved', missing: 'No term recorded' },
  kind: { all: 'All kinds', 'primary-committee': 'Primary committee', 'general-branch': 'General branch', branch: 'Branch' },
  endingSoon: 'Ending within 6 months: {{n}}',
  search: 'Organization name',
  col: {
    org: 'Organization', kind: 'Term kind', years: 'Term', elected: 'Elected', ends: 'Ends', daysLeft: 'Days left', state: 'State', secretary: 'Secretary',
    election: 'Election', status: 'Status', plannedOn: 'Planned for', seats: 'Seats', requestedBy: 'Requested by', heldOn: 'Held on', actions: 'Actions',
    newEnd: 'New end', originalEnd: 'Original end', reason: 'Reason', decidedBy: 'Decided by', adjustKind: 'Kind', name: 'Name', post: 'Post',
  },
  yearsN: '{{n}} years',
  daysN: '{{n}} days',
  overdueN: '{{n}} days overdue',
  export: { button: 'Export', title: 'Export the term list', notice: 'Exports the current scope and filters; the purpose, filters and row count are recorded.', placeholder: 'e.g. yearly election review' },
  electionStatus: { requested: 'Awaiting approval', approved: 'Approved, to be held', rejected: 'Not approved', held: 'Held, to be confirmed', failed: 'Invalid election', confirmed: 'New term started' },
  steps: { request: 'Request', approve: 'Approval', vote: 'Election', confirm: 'Secretary approved', done: 'New term' },
  drawer: {
    title: 'Terms of {{name}}', rule: 'Term rule', noRule: 'This organization has no term (temporary branches and party groups hold no elections)', current: 'Current term',
    noCurrent: 'No current term recorded', elected: 'Elected on', ends: 'Ends on', regularEnd: 'Regular end', reminder: 'Reminder date', window: 'Request window',
    windowValue: '{{from}} to {{by}} (local practice)', voters: 'Full members with a vote', votersValue: '{{full}} (plus {{probationary}} probationary members without a vote)',
    perTerm: '{{n}} years a term',
    history: 'Past terms', elections: 'Elections', adjustments: 'Delays / advances', committee: 'Sitting committee', noElection: 'No election under way',
    endingAlert: 'The term ends on {{date}} ({{days}} days left): request the election from the higher organization by {{by}}.',
    overdueAlert: 'The term ended on {{date}}; the election is {{days}} days overdue.',
    delayedAlert: 'The higher organization approved a delay of the election to {{date}}.',
  },
  action: {
    recordTerm: 'Record current term', request: 'Request an election', propose: 'Delay / advance', approve: 'Approve', reject: 'Reject', record: 'Record the vote',
    confirm: 'Approve secretary and deputy', decideNote: 'Decision note', done: 'Saved',
  },
  record: { electedOn: 'Elected on', hint: 'For a committee elected before the system was used: its end follows from the term rule.' },
  request: {
    title: 'Request an election', plannedOn: 'Planned date', seats: 'Committee seats', note: 'Request',
    hint: 'The request usually goes to the higher organization 2 to 4 months before the term ends (local practice); the members elect after approval.',
  },
  adjust: {
    title: 'Delay or advance the election', kind: 'Kind', delay: 'Delay', advance: 'Advance', newEnd: 'New date', reason: 'Reason',
    hint: 'A delay or advance needs the higher organization\'s approval and is at most 1 year (election regulation art. 3).',
    status: { proposed: 'Pending', approved: 'Approved', rejected: 'Rejected' },
  },
  vote: {
    title: 'Record the vote', heldOn: 'Held on', shouldAttend: 'Voters who should attend', present: 'Voters present', candidates: 'Candidates and votes',
    candidate: 'Candidate', pickMember: 'Pick a member or type a name', votes: 'Yes votes', addCandidate: 'Add a candidate', minutes: 'Notes', submit: 'Submit the result',
    votersHint: 'Only full members vote; probationary members and members under 留党察看 do not (art. 5). The records hold no 留党察看 field: lower the count if needed.',
    quorumOk: '{{present}} present, more than ⅘ of {{should}} (at least {{min}}): the election is valid',
    quorumFail: '{{present}} present, not more than ⅘ of {{should}} (at least {{min}}): the election is invalid',
    majority: 'Elected with yes votes from more than half of the voters who should attend: at least {{min}}',
    elected: 'Elected', notElected: 'Not elected', tie: 'Tie', invalid: 'Counts do not add up: {{msg}}',
  },
  confirm: {
    title: 'Approve the secretary and deputy', secretary: 'Secretary', deputies: 'Deputy secretaries', hint: 'Chosen among the elected and approved by the higher organization; the new term then starts.',
    elected: '{{name}} ({{votes}} votes)',
  },
  result: { failed: 'Invalid election', retry: 'A new election may be requested.', notes: 'Notes', report: 'Report the result by {{date}} (local practice)', reportOverdue: 'Not reported within a month' },
  watch: { overdue: 'Overdue elections', delays: 'Approved delays', unreported: 'Results not reported', none: 'None' },
  approvals: { elections: 'Election requests and results', adjustments: 'Delay / advance requests', none: 'Nothing to approve' },
};
export default terms;
