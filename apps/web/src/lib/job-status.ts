// The colour of each state of a background job (an import, an export), the same wherever it shows.
import type { JobStatus } from '@concord/contracts';

export const JOB_STATUS_COLOR: Record<JobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'gray',
};
