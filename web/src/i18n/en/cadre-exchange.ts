import type zh from '../zh/cadre-exchange';

const en: typeof zh = {
  import: {
    title: 'Import appointment forms (.lrmx)',
    step1: 'Choose files',
    step2: 'Check the preview',
    step3: 'Done',
    drop: 'Click or drop .lrmx files (several at once) or one .zip',
    hint: 'Cadres are matched by ID number, else by name and birth month; unmatched files create a cadre. Nothing is written before you confirm.',
    commit: 'Import {{n}} files',
    close: 'Close',
    previewSummary:
      '{{ok}} can be imported, {{errors}} have problems, {{skipped}} skipped. Files with problems import nothing; the others are not affected.',
    doneSummary: '{{ok}} imported, {{errors}} not imported, {{skipped}} skipped.',
    file: 'File',
    person: 'Name',
    status: 'Result',
    message: 'Note',
    statuses: {
      create: 'Will create',
      update: 'Will update',
      created: 'Created',
      updated: 'Updated',
      error: 'Problem',
      skipped: 'Skipped',
    },
  },
  print: { pdf: 'Form (PDF)', docx: 'Form (Word)', lrmx: 'Export .lrmx', batch: 'Batch export', importLrmx: 'Import .lrmx' },
};
export default en;
