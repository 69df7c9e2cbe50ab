// Tag colours of an assessment's status.
import type { TRatingStatus } from '../../api/standards';

export const STATUS_COLOR: Record<TRatingStatus, string> = {
  none: 'default',
  draft: 'processing',
  submitted: 'gold',
  reviewed: 'green',
  returned: 'red',
};
export const STATUSES: TRatingStatus[] = ['none', 'draft', 'submitted', 'reviewed', 'returned'];
