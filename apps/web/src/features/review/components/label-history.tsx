// Every version of a final label: who decided what, when and why.
import { Group, Stack, Text, Timeline } from '@mantine/core';
import type { FinalLabelState, ReviewCode } from '@concord/contracts';
import { formatDateTime } from '../../../lib/format.ts';
import { CodeBadge } from './coder-codings.tsx';
import classes from './review.module.css';

const KIND_LABEL = { agreed: 'Agreed by every coder', decision: 'Decided', reopen: 'Reopened', recode: 'Recoded after a split' } as const;

export function LabelHistory({ label, codes }: { label: FinalLabelState; codes: Map<string, ReviewCode> }) {
  return (
    <Timeline bulletSize={14} lineWidth={2} active={0} aria-label="Final label history">
      {label.revisions.map((revision) => (
        <Timeline.Item key={revision.version} title={`v${revision.version} · ${KIND_LABEL[revision.kind]}`}>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {revision.decidedBy ? `${revision.decidedBy.name}, ` : ''}
              <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time>
            </Text>
            <Group gap={4}>
              {revision.codeIds.map((codeId) => (
                <CodeBadge key={codeId} code={codes.get(codeId)} />
              ))}
            </Group>
            {revision.rationale ? (
              <Text size="sm" className={classes.memo}>
                {revision.rationale}
              </Text>
            ) : null}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
