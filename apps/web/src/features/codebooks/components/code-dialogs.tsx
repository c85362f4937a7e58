// The dialogs of the codebook editor: add a code, move it (the keyboard-friendly alternative to
// dragging), merge it into another, split it into new codes, retire it. Each keeps the API's
// refusal on screen so the lead can correct and retry.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, List, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CodebookCode } from '@concord/contracts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { plural } from '../../../lib/format.ts';
import { useCreateCode } from '../api/create-code.ts';
import { useMergeCode } from '../api/merge-code.ts';
import { useMoveCode } from '../api/move-code.ts';
import { useRetireCode } from '../api/retire-code.ts';
import { useSplitCode } from '../api/split-code.ts';
import { childrenOf, codeOptions, descendantIds, pathOf } from './tree-model.ts';

interface DialogProps {
  projectId: string;
  stageId: string;
  codes: CodebookCode[];
  onClose: () => void;
}

const TOP_LEVEL = '';

/** Add a code under `parentId` (null: top level), optionally right after `afterId`. */
export function AddCodeDialog({
  projectId,
  stageId,
  codes,
  parentId,
  afterId,
  onClose,
  onCreated,
}: DialogProps & { parentId: string | null; afterId?: string; onCreated: (code: CodebookCode) => void }) {
  const create = useCreateCode(projectId, stageId);
  const [name, setName] = useState('');
  const [definition, setDefinition] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const siblings = childrenOf(codes, parentId);
  const afterIndex = afterId ? siblings.findIndex((code) => code.id === afterId) : -1;
  const where = parentId ? `under “${pathOf(codes, parentId).join(' › ')}”` : 'at the top level';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    create.mutate(
      { parentId, name: name.trim(), definition, ...(afterIndex >= 0 ? { position: afterIndex + 1 } : {}) },
      {
        onSuccess: (code) => {
          notifications.show({ color: 'teal', title: 'Code added', message: `“${code.name}” was added ${where}.` });
          onCreated(code);
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title="Add a code" centered>
      <form onSubmit={submit} noValidate aria-label="Add a code">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The new code goes {where}
            {afterIndex >= 0 ? `, after “${siblings[afterIndex]!.name}”` : ''}.
          </Text>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={200}
            value={name}
            error={submitted && !name.trim() ? 'A code needs a name.' : null}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Textarea
            label="Definition"
            autosize
            minRows={2}
            maxRows={6}
            value={definition}
            onChange={(e) => setDefinition(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add code
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Choose a new parent and place: what dragging does, with ordinary form controls. */
export function MoveCodeDialog({ projectId, stageId, codes, code, onClose }: DialogProps & { code: CodebookCode }) {
  const move = useMoveCode(projectId, stageId);
  const [parentId, setParentId] = useState<string>(code.parentId ?? TOP_LEVEL);
  const siblings = childrenOf(codes, parentId || null).filter((entry) => entry.id !== code.id);
  const currentIndex = childrenOf(codes, code.parentId).findIndex((entry) => entry.id === code.id);
  const [position, setPosition] = useState<string>(String(currentIndex));
  // A code cannot go under itself or its own sub-codes; the API refuses it too.
  const excluded = new Set([code.id, ...descendantIds(codes, code.id)]);
  const parents = [{ value: TOP_LEVEL, label: '(top level)' }, ...codeOptions(codes, { exclude: excluded })];
  const places = [
    { value: '0', label: 'First' },
    ...siblings.map((sibling, index) => ({
      value: String(index + 1),
      label: `After “${sibling.name}”${sibling.retired ? ' (retired)' : ''}`,
    })),
  ];
  const chosenPosition = Math.min(Number(position), siblings.length);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    move.mutate(
      { codeId: code.id, body: { parentId: parentId || null, position: chosenPosition } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Code moved', message: `“${code.name}” was moved.` });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={`Move “${code.name}”`} centered>
      <form onSubmit={submit} aria-label="Move code">
        <Stack gap="sm">
          {move.error ? <ErrorAlert error={move.error} /> : null}
          <NativeSelect
            label="New parent"
            data={parents}
            value={parentId}
            onChange={(event) => {
              setParentId(event.currentTarget.value);
              setPosition(String(childrenOf(codes, event.currentTarget.value || null).filter((entry) => entry.id !== code.id).length));
            }}
          />
          <NativeSelect
            label="Place"
            data={places}
            value={String(chosenPosition)}
            onChange={(event) => setPosition(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={move.isPending}>
              Move code
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function MergeCodeDialog({ projectId, stageId, codes, code, onClose }: DialogProps & { code: CodebookCode }) {
  const merge = useMergeCode(projectId, stageId);
  const excluded = new Set([code.id, ...descendantIds(codes, code.id)]);
  const targets = codeOptions(codes, { exclude: excluded });
  const [intoId, setIntoId] = useState('');
  const into = codes.find((entry) => entry.id === intoId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!intoId) return;
    merge.mutate(
      { codeId: code.id, intoId },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Codes merged', message: `“${code.name}” was merged into “${into?.name ?? ''}”.` });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={`Merge “${code.name}” into another code`} centered size="lg">
      <form onSubmit={submit} aria-label="Merge code">
        <Stack gap="sm">
          <Text size="sm">
            Every coding and final label with “{code.name}” gets the chosen code instead (once, where it already has both). Its examples and
            sub-codes move too, and “{code.name}” is retired.
          </Text>
          {merge.error ? <ErrorAlert error={merge.error} /> : null}
          <NativeSelect
            label="Merge into"
            data={[{ value: '', label: 'Choose a code…' }, ...targets]}
            value={intoId}
            onChange={(event) => setIntoId(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={merge.isPending} disabled={!intoId}>
              Merge
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function SplitCodeDialog({ projectId, stageId, code, onClose }: DialogProps & { code: CodebookCode }) {
  const split = useSplitCode(projectId, stageId);
  const [names, setNames] = useState<string[]>(['', '']);
  const [submitted, setSubmitted] = useState(false);
  const filled = names.map((name) => name.trim()).filter(Boolean);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (filled.length < 2) return;
    split.mutate(
      { codeId: code.id, into: filled.map((name) => ({ name })) },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            title: 'Code split',
            message: `“${code.name}” became ${plural(result.createdIds.length, 'code')}; ${plural(result.recodeItems, 'issue')} wait in the recode queue.`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={`Split “${code.name}”`} centered size="lg">
      <form onSubmit={submit} aria-label="Split code" noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The new codes are added next to “{code.name}”, which is retired. Every issue coded with it goes into the recode queue, for a
            lead to choose among the new codes.
          </Text>
          {split.error ? <ErrorAlert error={split.error} /> : null}
          {names.map((name, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={`New code ${index + 1}`}
                maxLength={200}
                value={name}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setNames((current) => current.map((entry, i) => (i === index ? value : entry)));
                }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove new code ${index + 1}`}
                disabled={names.length <= 2}
                onClick={() => setNames((current) => current.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {submitted && filled.length < 2 ? (
            <Text size="sm" c="red">
              Name at least two new codes.
            </Text>
          ) : null}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={names.length >= 20}
              onClick={() => setNames((current) => [...current, ''])}
            >
              Another code
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" color="orange" loading={split.isPending}>
                Split
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RetireCodeDialog({ projectId, stageId, codes, code, onClose }: DialogProps & { code: CodebookCode }) {
  const retire = useRetireCode(projectId, stageId);
  const below = [...descendantIds(codes, code.id)].map((id) => codes.find((entry) => entry.id === id)!).filter((entry) => !entry.retired);
  return (
    <ConfirmDialog
      opened
      title={`Retire “${code.name}”?`}
      confirmLabel="Retire"
      loading={retire.isPending}
      error={retire.error}
      onClose={onClose}
      onConfirm={() =>
        retire.mutate(code.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', title: 'Code retired', message: `“${code.name}” is retired.` });
            onClose();
          },
        })
      }
    >
      <Stack gap={6}>
        <Text size="sm">Coders will no longer see it. Existing codings keep it, and you can restore it later.</Text>
        {below.length > 0 ? (
          <>
            <Text size="sm">Its {plural(below.length, 'sub-code')} are retired with it:</Text>
            <List size="sm">
              {below.map((entry) => (
                <List.Item key={entry.id}>{entry.name}</List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
