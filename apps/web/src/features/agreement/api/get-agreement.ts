// The agreement report of one stage, for one round or all of them; coders get 403 (FORBIDDEN or
// ROUND_OPEN) while a round is still being coded blind. Also the address of its per-code CSV.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgreementReport } from '@concord/contracts';
import { api, apiUrl } from '../../../lib/api-client.ts';
import { agreementKeys } from './keys.ts';

const reportPath = (projectId: string, stageId: string) =>
  `/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}/agreement`;

export const getAgreement = (projectId: string, stageId: string, round: number | null, signal?: AbortSignal) =>
  api.get<AgreementReport>(reportPath(projectId, stageId), { query: { round }, signal });

/** The per-code table as CSV: a plain link, so the browser downloads it with the session cookie. */
export const agreementCsvUrl = (projectId: string, stageId: string, round: number | null) =>
  apiUrl(reportPath(projectId, stageId), { round, format: 'csv' });

export const agreementQueryOptions = (projectId: string, stageId: string, round: number | null) =>
  queryOptions({
    queryKey: agreementKeys.report(projectId, stageId, round),
    queryFn: ({ signal }) => getAgreement(projectId, stageId, round, signal),
  });

export const useAgreement = (projectId: string, stageId: string, round: number | null) =>
  useQuery(agreementQueryOptions(projectId, stageId, round));
