// Each coder's codes and memo for one issue, side by side, with the codes coloured by how many of
// the coders chose them; a lead accepts a coder's set with one key (Shift + the coder's letter).
import { Badge, Button, Group, Kbd, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlag, IconHelp } from '@tabler/icons-react';
import type { ReviewCode, ReviewIssueCoding } from '@concord/contracts';
import { SHARE_COLOR, SHARE_LABEL, type Share } from './code-agreement.ts';
import classes from './review.module.css';

interface CoderCodingsProps {
  codings: ReviewIssueCoding[];
  codes: Map<string, ReviewCode>;
  shares: Map<string, Share>;
  onAccept: ((coding: ReviewIssueCoding) => void) | null;
}

export const coderName = (coding: ReviewIssueCoding) => (coding.coder ? `${coding.coder.name} (${coding.label})` : `Coder ${coding.label}`);

export function CodeBadge({ code, share }: { code: ReviewCode | undefined; share?: Share | undefined }) {
  return (
    <Tooltip label={share ? SHARE_LABEL[share] : (code?.definition ?? '')} disabled={!share && !code?.definition} withArrow>
      <Badge
        variant={share === 'all' ? 'filled' : 'light'}
        color={share ? SHARE_COLOR[share] : 'gray'}
        tt="none"
        data-share={share}
        td={code?.retired ? 'line-through' : undefined}
      >
        {code?.name ?? 'unknown code'}
      </Badge>
    </Tooltip>
  );
}

export function CoderCodings({ codings, codes, shares, onAccept }: CoderCodingsProps) {
  return (
    <Stack gap="xs" component="section" aria-label="The coders' codes">
      {codings.map((coding) => (
        <Paper key={`${coding.round}-${coding.label}`} withBorder p="xs" radius="md" data-testid={`coding-${coding.label}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {coderName(coding)}
            </Text>
            <Group gap={4} wrap="nowrap">
              {coding.flagged ? (
                <Tooltip label="Flagged for discussion" withArrow>
                  <IconFlag size={16} color="var(--mantine-color-orange-6)" aria-label="Flagged for discussion" />
                </Tooltip>
              ) : null}
              {onAccept && coding.status === 'submitted' && coding.codeIds.length > 0 ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onAccept(coding)}
                  rightSection={<Kbd size="xs">⇧{coding.label}</Kbd>}
                >
                  Accept
                </Button>
              ) : null}
            </Group>
          </Group>
          {coding.status !== 'submitted' ? (
            <Text size="sm" c="dimmed">
              {coding.status === 'draft' ? 'Draft, not submitted' : 'Not coded'}
            </Text>
          ) : (
            <Group gap={4} mt={4}>
              {coding.codeIds.map((codeId) => (
                <CodeBadge key={codeId} code={codes.get(codeId)} share={shares.get(codeId)} />
              ))}
              {coding.cannotDecide ? (
                <Badge variant="outline" color="gray" tt="none" leftSection={<IconHelp size={12} aria-hidden />}>
                  cannot decide
                </Badge>
              ) : null}
            </Group>
          )}
          {coding.memo.trim() ? (
            <Text size="xs" c="dimmed" mt={4} className={classes.memo}>
              {coding.memo}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
