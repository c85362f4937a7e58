// My calibration view of a stage: where I differed from another coder or the final label, in closed rounds.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Calibration } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { reviewKeys, stagePath } from './keys.ts';

export const getCalibration = (projectId: string, stageId: string, signal?: AbortSignal) =>
  api.get<Calibration>(`${stagePath(projectId, stageId)}/calibration`, { signal });

export const calibrationQueryOptions = (projectId: string, stageId: string) =>
  queryOptions({
    queryKey: reviewKeys.calibration(projectId, stageId),
    queryFn: ({ signal }) => getCalibration(projectId, stageId, signal),
  });

export const useCalibration = (projectId: string, stageId: string) => useQuery(calibrationQueryOptions(projectId, stageId));
