// "Organizational life" interface text. Same keys as ../zh/meetings.ts.
import type zh from '../zh/meetings';

const meetings: typeof zh = {
  title: 'Organizational life',
  tabs: { list: 'Meetings', appraisal: 'Democratic appraisal' },
  org: 'Organization',
  pickOrg: 'Pick an organization',
  subtree: 'Include sub-organizations',
  record: 'Record a meeting',
  exportButton: 'Export',
  late: 'Late record',
  lateHint: 'Meetings recorded more than {{days}} days after they were held are marked "late record": they still count, are never refused, and keep their real recording time',
  filter: { kind: 'Kind', status: 'Status', from: 'From', to: 'To', lateOnly: 'Late records only' },
  col: { date: 'Date', kinds: 'Kind', topic: 'Topic', org: 'Organization', status: 'Status', attendance: 'Attendance', place: 'Place', host: 'Chair', attachments: 'Files' },
  form: {
    createTitle: 'Record a meeting', editTitle: 'Edit meeting record', holdTitle: 'Record the meeting as held',
    status: 'Record as', held: 'Held', planned: 'Planned',
    kinds: 'Kinds', kindsHint: 'One meeting may serve several purposes (a theme day that is also a Party lecture); it counts for each check',
    heldOn: 'Held on', plannedOn: 'Planned for', startTime: 'Start time', place: 'Place', topic: 'Topic', host: 'Chair', recorder: 'Recorder',
    minutes: 'Minutes', decisions: 'Decisions', attendance: 'Attendance', submit: 'Save', saved: 'Saved',
    kindsRequired: 'Pick at least one kind', dateRequired: 'Pick a date', topicRequired: 'Enter the topic (at least 2 characters)',
    lateWarning: 'The meeting was held more than {{days}} days ago: it will be marked as a late record (recorded truthfully, still counted)',
    afterSave: 'After saving, attach files (scanned minutes, photos, sign-in sheets) in the meeting detail',
    plannedHint: 'Planned meetings have no attendance; once held, use "Record as held" to add attendance and minutes',
  },
  attendance: {
    name: 'Name', category: 'Category', group: 'Party group', present: 'Present', reason: 'Reason for absence', reasonNote: 'Note (optional)',
    allPresent: 'Mark all present', summary: '{{should}} expected, {{present}} present, {{absent}} absent', noRoster: 'The organization and its Party groups have no members',
    reasonRequired: 'Pick a reason', remove: 'Remove from list', removed: '{{n}} removed (heart-to-heart talks and committee meetings list only those taking part)', restore: 'Restore all',
    full: 'Full member', probationary: 'Probationary',
  },
  detail: {
    title: 'Meeting record', print: 'Print', edit: 'Edit', hold: 'Record as held', cancel: 'Cancel meeting', cancelled: 'Meeting cancelled',
    cancelConfirm: 'A cancelled meeting no longer counts for any check and cannot be restored. Cancel it?',
    recordedAt: 'Recorded at', createdBy: 'Recorded by', should: 'Expected', present: 'Present', absentees: 'Absent, with reasons', attendees: 'Present', none: 'None',
    attachments: 'Attachments', upload: 'Upload', uploadHint: 'PDF, JPG, PNG, Word, Excel, PowerPoint; up to 10 MB each, 20 per meeting', uploaded: '{{name}} uploaded',
    download: 'Download', remove: 'Delete', removeConfirm: 'Delete the attachment "{{name}}"?', printTitle: 'Meeting record', orgLine: 'Organization', signature: 'Recorder:', hostSignature: 'Chair:',
    persons: '{{n}}', planned: 'Planned for {{date}}',
  },
  export: { title: 'Export meetings', notice: 'Exports the meetings of the current filter (without the minutes); the export is recorded in the audit log.', placeholder: 'e.g. annual review of organizational life' },
  appraisal: {
    notBranch: 'Members are appraised branch by branch, and this organization holds no members directly. Pick a branch above; the totals of every level are in Statistics (appraisal of members).',
    seeStats: 'See the statistics',
    year: 'Year', meeting: 'Meeting', noMeeting: '(no meeting linked)', grade: 'Grade', gradeNote: 'Remark', category: 'Category',
    probationary: 'Probationary: takes part, not graded', counter: 'Excellent {{n}} / limit {{limit}}', graded: '{{graded}} of {{total}} full members graded',
    limitHint: 'Usually at most one third of the full members graded may be rated excellent (local practice); probationary members take part ungraded',
    save: 'Save draft', saved: 'Draft saved', finalize: 'Finalize', finalized: 'Appraisal finalized',
    finalizeConfirm: 'Once finalized, the grades become the record and cannot be changed. Finalize?', restQualified: 'Mark the rest qualified',
    status: { new: 'Not started', draft: 'Draft', final: 'Final' }, finalizedAt: 'Finalized {{at}}', meetingHint: 'The organizational life meeting or appraisal meeting where it was held',
  },
  mine: {
    title: 'My organizational life', year: 'Year', upcoming: 'Coming up', history: 'Meetings I was called to',
    present: 'Present', absentTag: 'Absent', none: 'No meetings recorded this year', noUpcoming: 'No meetings planned',
  },
};
export default meetings;
