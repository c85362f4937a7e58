// The review queue's filters as they travel in the URL, so that the review screen walks the same
// queue the lead was looking at, and a view can be shared and reloaded.
import type { ReviewQueueQuery, ReviewStatus } from '@concord/contracts';
import type { QueueFilters } from '../api/get-review-queue.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES: ReviewStatus[] = ['pending', 'decided', 'agreed', 'all'];
const ID_KEYS = ['code', 'codeA', 'codeB', 'coderA', 'coderB'] as const;

export function filtersFrom(params: URLSearchParams): QueueFilters {
  const filters: Partial<ReviewQueueQuery> = {};
  const round = params.get('round');
  if (round && /^\d+$/.test(round) && Number(round) >= 1) filters.round = Number(round);
  const status = params.get('status') as ReviewStatus | null;
  if (status && STATUSES.includes(status)) filters.status = status;
  for (const key of ID_KEYS) {
    const value = params.get(key);
    if (value && UUID.test(value)) filters[key] = value;
  }
  if (params.get('flagged') === 'true') filters.flagged = true;
  return filters;
}

export function searchOf(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '' && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
