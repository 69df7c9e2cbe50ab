// Tag colours of an assessment's status.
import type { RatingStatus } from '../../api/standards';

export const STATUS_COLOR: Record<RatingStatus, string> = { none: 'default', draft: 'processing', submitted: 'gold', reviewed: 'green', returned: 'red' };
export const STATUSES: RatingStatus[] = ['none', 'draft', 'submitted', 'reviewed', 'returned'];
