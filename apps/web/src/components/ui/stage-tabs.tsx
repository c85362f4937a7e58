// A tab per stage for the pages about one stage at a time (codebook, rounds, agreement, review, analysis):
// only the chosen stage's panel renders, so only its data loads; a project without stages gets a
// message instead.
import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { StatusMessage } from './status-message.tsx';

interface StageTabsProps<S extends { id: string; name: string }> {
  stages: S[];
  selected: S | undefined;
  onSelect: (stageId: string) => void;
  /** Why the page is empty when the project has no stages, and what can be done about it. */
  noStages: ReactNode;
  noStagesActions?: ReactNode;
  /** Tabs read "1. Relevance": where stage order is the point (codebook, rounds). */
  numbered?: boolean;
  children: (stage: S) => ReactNode;
}

export function StageTabs<S extends { id: string; name: string }>({
  stages,
  selected,
  onSelect,
  noStages,
  noStagesActions,
  numbered = false,
  children,
}: StageTabsProps<S>) {
  if (!selected) {
    return (
      <StatusMessage order={2} icon={<IconStack2 />} title="No stages yet" color="gray" actions={noStagesActions}>
        {noStages}
      </StatusMessage>
    );
  }
  return (
    <Tabs value={selected.id} onChange={(stageId) => stageId && stageId !== selected.id && onSelect(stageId)} keepMounted={false}>
      <Tabs.List aria-label="Stages" mb="lg">
        {stages.map((stage, index) => (
          <Tabs.Tab key={stage.id} value={stage.id}>
            {numbered ? `${index + 1}. ${stage.name}` : stage.name}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {stages.map((stage) => (
        <Tabs.Panel key={stage.id} value={stage.id}>
          {stage.id === selected.id ? children(stage) : null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
