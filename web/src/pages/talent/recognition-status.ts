// The colour of each 人才分类认定 status, shared by the office's list and pages and the expert's queue.
import type { TRecognitionRow } from '../../api/talent';

export const STATUS_COLOR: Record<TRecognitionRow['status'], string> = {
  draft: 'default',
  employer_review: 'blue',
  district_review: 'blue',
  city_review: 'geekblue',
  expert_review: 'purple',
  publicity: 'orange',
  granted: 'green',
  refused: 'red',
  returned: 'default',
};
