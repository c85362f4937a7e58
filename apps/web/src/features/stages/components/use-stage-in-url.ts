// The project's stages and the one chosen in the URL (?stage=), for pages with a tab per stage:
// the first stage when none or an unknown one is named.
import { useSearchParams } from 'react-router';
import { useStages } from '../api/get-stages.ts';

export function useStageInUrl(projectId: string) {
  const stages = useStages(projectId);
  const [searchParams, setSearchParams] = useSearchParams();
  const list = stages.data ?? [];
  const stage = list.find((entry) => entry.id === searchParams.get('stage')) ?? list[0];

  function selectStage(stageId: string | null) {
    if (!stageId || stageId === stage?.id) return;
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      next.set('stage', stageId);
      return next;
    });
  }

  return { stages, list, stage, selectStage };
}
