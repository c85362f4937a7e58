// The selected code: where it sits, its fields (a form for leads, plain text for coders), its
// examples, and the lead's actions on it.
import type { ReactNode } from 'react';
import { Badge, Button, ColorSwatch, Divider, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowMoveRight,
  IconArchive,
  IconArrowsSplit2,
  IconGitMerge,
  IconRestore,
  IconSubtask,
  IconRowInsertBottom,
} from '@tabler/icons-react';
import type { CodebookCode } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useUnretireCode } from '../api/unretire-code.ts';
import { CodeExamples } from './code-examples.tsx';
import { CodeForm } from './code-form.tsx';
import { pathOf } from './tree-model.ts';

export type CodeAction = 'add-child' | 'add-sibling' | 'move' | 'merge' | 'split' | 'retire';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function Prose({ text, empty }: { text: string; empty: string }) {
  return text ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {empty}
    </Text>
  );
}

interface CodeDetailProps {
  projectId: string;
  stageId: string;
  codes: CodebookCode[];
  code: CodebookCode;
  editable: boolean;
  onAction: (action: CodeAction) => void;
}

export function CodeDetail({ projectId, stageId, codes, code, editable, onAction }: CodeDetailProps) {
  const unretire = useUnretireCode(projectId, stageId);
  const path = pathOf(codes, code.id);
  const hasActiveChildren = codes.some((entry) => entry.parentId === code.id && !entry.retired);
  const parent = codes.find((entry) => entry.id === code.parentId);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        {path.length > 1 ? (
          <Text size="xs" c="dimmed">
            {path.slice(0, -1).join(' › ')}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          {code.color ? <ColorSwatch color={code.color} size={16} aria-hidden /> : null}
          <Title order={2} fz="h3" style={{ overflowWrap: 'anywhere' }}>
            {code.name}
          </Title>
          {code.retired ? (
            <Badge variant="light" color="gray">
              retired
            </Badge>
          ) : null}
        </Group>
      </Stack>

      {code.retired ? (
        <Group
          justify="space-between"
          gap="sm"
          p="sm"
          style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 8 }}
        >
          <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
            Retired: coders no longer see this code; codings that have it keep it.
          </Text>
          {editable ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRestore size={14} aria-hidden />}
              loading={unretire.isPending}
              disabled={parent?.retired}
              title={parent?.retired ? `Restore “${parent.name}” first` : undefined}
              onClick={() =>
                unretire.mutate(code.id, {
                  onSuccess: () =>
                    notifications.show({ color: 'teal', title: 'Code restored', message: `“${code.name}” is active again.` }),
                })
              }
            >
              Restore
            </Button>
          ) : null}
        </Group>
      ) : null}
      {unretire.error ? <ErrorAlert error={unretire.error} onClose={() => unretire.reset()} /> : null}

      {editable && !code.retired ? (
        <Group gap="xs" wrap="wrap" role="group" aria-label="Code actions">
          <Button size="xs" variant="light" leftSection={<IconSubtask size={14} aria-hidden />} onClick={() => onAction('add-child')}>
            Add sub-code
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRowInsertBottom size={14} aria-hidden />}
            onClick={() => onAction('add-sibling')}
          >
            Add sibling
          </Button>
          <Button size="xs" variant="default" leftSection={<IconArrowMoveRight size={14} aria-hidden />} onClick={() => onAction('move')}>
            Move…
          </Button>
          <Button size="xs" variant="default" leftSection={<IconGitMerge size={14} aria-hidden />} onClick={() => onAction('merge')}>
            Merge into…
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconArrowsSplit2 size={14} aria-hidden />}
            disabled={hasActiveChildren}
            title={hasActiveChildren ? 'Move, merge or retire its sub-codes first' : undefined}
            onClick={() => onAction('split')}
          >
            Split…
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconArchive size={14} aria-hidden />}
            onClick={() => onAction('retire')}
          >
            Retire
          </Button>
        </Group>
      ) : null}

      {editable ? (
        <CodeForm
          // Start again from the server's values whenever they change (a save, or someone else's edit).
          key={`${code.id}:${code.name}:${code.definition}:${code.includeCriteria}:${code.excludeCriteria}:${code.color}:${code.shortcut}`}
          projectId={projectId}
          stageId={stageId}
          code={code}
        />
      ) : (
        <Stack gap="sm">
          <Field label="Definition">
            <Prose text={code.definition} empty="No definition yet." />
          </Field>
          <Field label="Include when">
            <Prose text={code.includeCriteria} empty="No include criteria." />
          </Field>
          <Field label="Exclude when">
            <Prose text={code.excludeCriteria} empty="No exclude criteria." />
          </Field>
          {code.shortcut ? (
            <Field label="Keyboard shortcut">
              <Kbd>{code.shortcut}</Kbd>
            </Field>
          ) : null}
        </Stack>
      )}

      <Divider />
      <Title order={3} fz="h5">
        Examples
      </Title>
      <CodeExamples projectId={projectId} stageId={stageId} code={code} editable={editable && !code.retired} />
    </Stack>
  );
}
