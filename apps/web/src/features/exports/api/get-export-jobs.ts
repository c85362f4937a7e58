// The member's export jobs (a lead's: everyone's) with their progress, and each finished file's
// address. While one is queued or running the list is polled: progress lives in the database, so
// the bars are right after a reload and whichever API process answers.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExportJob, ExportJobList } from '@concord/contracts';
import { api, apiUrl } from '../../../lib/api-client.ts';
import { exportKeys } from './keys.ts';

export const EXPORT_JOBS_POLL_MS = 1000;

const jobsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/exports/jobs`;

export const getExportJobs = (projectId: string, signal?: AbortSignal) => api.get<ExportJobList>(jobsPath(projectId), { signal });

export const isExportJobActive = (job: ExportJob) => job.status === 'queued' || job.status === 'running';

export const exportJobsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: exportKeys.jobs(projectId),
    queryFn: ({ signal }) => getExportJobs(projectId, signal),
    refetchInterval: (query) => (query.state.data?.jobs.some(isExportJobActive) ? EXPORT_JOBS_POLL_MS : false),
  });

export const useExportJobs = (projectId: string) => useQuery(exportJobsQueryOptions(projectId));

/** A plain link, so the browser streams the stored file with the session cookie. */
export const exportJobFileUrl = (projectId: string, jobId: string) => apiUrl(`${jobsPath(projectId)}/${encodeURIComponent(jobId)}/file`);
