// "Compliance monitor" interface text. Same keys as ../zh/org-life.ts.
import type zh from '../zh/org-life';

const orgLife: typeof zh = {
  title: 'Organizational life compliance',
  hint: 'Computed from the recorded meetings against the frequencies of the 2018 branch work regulation and the city\'s rules; nothing to report separately. Late records count as usual.',
  tabs: { monitor: 'Monitor', missing: 'Units with gaps', rules: 'Rules' },
  period: { month: 'Month', quarter: 'Quarter', year: 'Year', label: 'Period' },
  org: 'Organization',
  pickOrg: 'Pick an organization',
  export: 'Export list',
  summary: {
    units: 'Units', compliant: 'Fully compliant', rate: 'Rate', missing: 'Missing', due: 'Due',
    unitsHint: 'Branches (joint and temporary included) and Party groups',
  },
  col: {
    org: 'Organization', kind: 'Kind', units: 'Units', compliant: 'Compliant', rate: 'Rate', missing: 'Missing', due: 'Due', byKind: 'Missing by kind',
    parent: 'Parent', detail: 'Missing items',
  },
  self: 'This level',
  drill: 'Open',
  noUnits: 'No branch or Party group under this organization owes meetings',
  unit: {
    title: 'Required meetings', committee: 'Has a branch committee', noCommittee: 'No branch committee (no committee meetings required)',
    kind: 'Kind', period: 'Period', window: 'Window', state: 'State', count: 'Held', article: 'Basis', action: 'Action',
    late: '{{n}} late', record: 'Record', view: 'View', none: 'Nothing is owed in this period',
  },
  state: { held: 'Held', missing: 'Missing', due: 'Due' },
  missing: { total: '{{count}} units with missing meetings', empty: 'Every unit held what was required in this period' },
  exportModal: {
    title: 'Export units with missing meetings',
    notice: 'Exports the units of the chosen organization\'s subtree with missing meetings in this period. The export is audited.',
    placeholder: 'e.g. follow-up of organizational life',
  },
  rules: {
    intro: 'Frequencies are versioned: a new version applies to check windows beginning on or after its date; earlier windows keep the old rules. Versions in force cannot be changed or removed.',
    builtIn: 'Built-in', inForce: 'In force', future: 'Upcoming', effectiveFrom: 'Effective from', title: 'Version / document',
    kind: 'Meeting kind', frequency: 'Frequency', article: 'Basis', target: 'Applies to', add: 'New version', remove: 'Remove', removeConfirm: 'Remove the upcoming version "{{title}}"?',
    saved: 'Saved', modalTitle: 'New frequency rule version', notRequired: 'Not required',
    freq: { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
    targets: { branch: 'Branches', committee: 'Branches with a committee', party_group: 'Party groups' },
    dateRequired: 'Pick the effective date', titleRequired: 'Name the version or document', articleRequired: 'State the basis',
    dateHint: 'The date cannot be before today; the first day of a month, quarter or year is best.',
  },
};
export default orgLife;
