import type zh from '../zh/transfers';

const transfers: typeof zh = {
  title: 'Transfers',
  tabs: { out: 'Outgoing', in: 'Incoming', overdue: 'Overdue', status: 'Status changes' },
  newLetter: 'Issue letter',
  registerIncoming: 'Register letter from outside',
  export: 'Export to Excel',
  exportPurpose: 'Purpose of the export',
  exportDone: 'Exported',
  search: 'Name or number',
  col: {
    letterNo: 'Letter no.', kind: 'Kind', member: 'Name', category: 'Category', from: 'From', to: 'To',
    issuedOn: 'Issued', expiresOn: 'Valid until', status: 'Status', actions: 'Actions', reason: 'Reason',
  },
  full: 'Full member',
  probationary: 'Probationary',
  overdue: 'Overdue',
  act: { print: 'Print letter', receive: 'Receive', confirm: 'Confirm', receipt: 'Record receipt', return: 'Return' },
  confirmText: 'The member will move to the receiving organization. This cannot be undone. Continue?',
  receiptText: 'The member will be marked as transferred out. Continue?',
  returnTitle: 'Return the letter',
  returnReason: 'Reason for returning',
  done: 'Done',
  form: {
    kind: 'Kind', fromOrg: 'Sending organization', member: 'Member', toOrg: 'Receiving organization', toOrgName: 'Receiving organization name', toAddress: 'Receiving organization address',
    reason: 'Reason', validDays: 'Validity (days)', duesPaidUntil: 'Dues paid until', issuedOn: 'Issued on', searchTarget: 'Type a name or pinyin initials',
    fromOrgName: 'Sending organization name', externalNo: 'Original letter no.', name: 'Name', gender: 'Gender', idNumber: 'ID number', admittedOn: 'Admitted on', fullOn: 'Full member since', phone: 'Phone',
    memberOption: '{{name}} ({{gender}}, {{category}})',
    required: {
      member: 'Select the member', toOrg: 'Select the receiving organization', toOrgName: 'Enter the name of the receiving organization', reason: 'Give the reason for the transfer',
      fromOrgName: 'Enter the name of the sending organization', externalNo: 'Enter the letter number', issuedOn: 'Select the date of issue', name: 'Enter the name',
    },
  },
  defaultDays: 'default {{days}} days',
  status: {
    attention: 'Needs action', lists: 'Lists by status', change: 'Change status', kind: 'Change', date: 'Date', reason: 'Reason', documentNo: 'Document no.',
    exitKind: 'Kind of leaving', basis: 'Basis for suspension', abroadSince: 'Abroad since', certificateNo: 'Mobile member card no.', place: 'Where',
    contact: 'Contact', attendingOrg: 'Organization attended', since: 'Since', org: 'Organization', current: 'Current status', flowingInfo: 'Mobility',
    basisLost: 'Out of contact 6 months', basisAbroad: 'Abroad more than 5 years', memberId: 'Member id',
    required: {
      kind: 'Select the change', date: 'Select the date', certificateNo: 'Enter the mobile member card number', place: 'Enter where the member went', contact: 'Enter the contact',
      attendingOrg: 'Enter the organization whose meetings the member attends', abroadSince: 'Select the date of going abroad', reason: 'Give the reason',
    },
  },
};

export default transfers;
