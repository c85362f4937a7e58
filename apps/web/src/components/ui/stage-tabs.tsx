// A tab per stage for the pages that report on one stage at a time (agreement, review, analysis):
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
  /** Why the page is empty when the project has no stages. */
  noStages: string;
  children: (stage: S) => ReactNode;
}

export function StageTabs<S extends { id: string; name: string }>({ stages, selected, onSelect, noStages, children }: StageTabsProps<S>) {
  if (!selected) {
    return (
      <StatusMessage order={2} icon={<IconStack2 />} title="No stages yet" color="gray">
        {noStages}
      </StatusMessage>
    );
  }
  return (
    <Tabs value={selected.id} onChange={(stageId) => stageId && stageId !== selected.id && onSelect(stageId)} keepMounted={false}>
      <Tabs.List aria-label="Stages" mb="lg">
        {stages.map((stage) => (
          <Tabs.Tab key={stage.id} value={stage.id}>
            {stage.name}
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
