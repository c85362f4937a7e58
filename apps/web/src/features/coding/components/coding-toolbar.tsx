// The bar above the issue: the way back to the Coding area, the round, where I am in my queue,
// how much of it I submitted, previous / next and the shortcut sheet.
import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconChevronLeft, IconChevronRight, IconKeyboard } from '@tabler/icons-react';
import type { RoundRef } from '@concord/contracts';

interface CodingToolbarProps {
  projectId: string;
  round: RoundRef;
  /** 1-based place of this issue in my queue; null until the queue is loaded. */
  place: number | null;
  total: number;
  submitted: number;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onShowShortcuts: () => void;
}

export function CodingToolbar({ projectId, round, place, total, submitted, onPrevious, onNext, onShowShortcuts }: CodingToolbarProps) {
  const percent = total > 0 ? (submitted / total) * 100 : 0;
  return (
    <Group justify="space-between" align="center" gap="sm" mb="md" wrap="wrap">
      <Group gap="sm" wrap="wrap">
        <Anchor component={Link} to={`/projects/${projectId}/coding`} size="sm">
          <Group component="span" gap={4} wrap="nowrap">
            <IconArrowLeft size={14} aria-hidden />
            My rounds
          </Group>
        </Anchor>
        <Text size="sm" c="dimmed">
          {round.stage.name} · {round.name}
        </Text>
        <Badge variant="outline" color={round.stage.mode === 'multi' ? 'violet' : 'gray'} size="sm">
          {round.stage.mode === 'multi' ? 'multi-label' : 'single choice'}
        </Badge>
      </Group>
      <Group gap="md" wrap="nowrap">
        <Stack gap={4} w={{ base: 160, sm: 220 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" fw={600} data-testid="coding-place">
              {place === null ? '' : `Issue ${place} of ${total}`}
            </Text>
            <Text size="xs" c="dimmed" data-testid="coding-progress">
              {submitted} of {total} submitted
            </Text>
          </Group>
          <Progress
            value={percent}
            size="sm"
            aria-label={`${submitted} of ${total} submitted`}
            color={submitted === total ? 'teal' : undefined}
          />
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Previous issue (K)" withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Previous issue"
              aria-keyshortcuts="K ArrowLeft"
              disabled={!onPrevious}
              onClick={onPrevious ?? undefined}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Next issue (J)" withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Next issue"
              aria-keyshortcuts="J ArrowRight"
              disabled={!onNext}
              onClick={onNext ?? undefined}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Keyboard shortcuts (?)" withArrow>
            <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={onShowShortcuts}>
              <IconKeyboard size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Group>
  );
}
