// One stage's codebook: the tree on the left, the selected code on the right, the history (and,
// for leads, the recode queue) below, and the exchange menu. Leads and owners edit; coders read.
import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, Menu, Skeleton, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconCopy,
  IconDownload,
  IconFileImport,
  IconFoldDown,
  IconFoldUp,
  IconHierarchy2,
  IconPlus,
  IconTransfer,
} from '@tabler/icons-react';
import type { CodebookCode, MoveCodeBody } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { plural } from '../../../lib/format.ts';
import { codebookExportUrl } from '../api/export-codebook.ts';
import { useCodebook } from '../api/get-codebook.ts';
import { useRecodeQueue } from '../api/get-recode-queue.ts';
import { useMoveCode } from '../api/move-code.ts';
import { CodeDetail, type CodeAction } from './code-detail.tsx';
import { AddCodeDialog, MergeCodeDialog, MoveCodeDialog, RetireCodeDialog, SplitCodeDialog } from './code-dialogs.tsx';
import { CodebookHistoryList } from './codebook-history.tsx';
import { CodePairNote } from './code-pair-note.tsx';
import { CodebookTree } from './codebook-tree.tsx';
import { CopyCodebookDialog } from './copy-codebook-dialog.tsx';
import { ImportCodebookDialog } from './import-codebook-dialog.tsx';
import { RecodeQueueTable } from './recode-queue.tsx';

type Dialog =
  | { kind: 'add'; parentId: string | null; afterId?: string }
  | { kind: 'move' | 'merge' | 'split' | 'retire'; code: CodebookCode }
  | { kind: 'import' | 'copy' };

interface CodebookEditorProps {
  projectId: string;
  stageId: string;
  stageName: string;
  editable: boolean;
  /** Codes to open on, e.g. a pair that review found often confused (?codes= in the URL). */
  focusCodeIds?: string[];
  stage: { mode: 'single' | 'multi'; parentCodesCodable: boolean };
}

export function CodebookEditor({ projectId, stageId, stageName, editable, focusCodeIds = [], stage }: CodebookEditorProps) {
  const codebook = useCodebook(projectId, stageId);
  const recodeQueue = useRecodeQueue(projectId, stageId, { enabled: editable });
  const move = useMoveCode(projectId, stageId);
  const [chosenId, setChosenId] = useState<string | null>(focusCodeIds[0] ?? null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [showRetired, setShowRetired] = useState(true);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (codebook.isPending) {
    return (
      <Grid gap="lg" aria-busy="true" aria-label="Loading the codebook">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Skeleton h={320} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Skeleton h={320} radius="md" />
        </Grid.Col>
      </Grid>
    );
  }
  if (codebook.isError) return <ErrorAlert error={codebook.error} title="Could not load the codebook" />;

  const codes = codebook.data.codes;
  const shownCodes = showRetired ? codes : codes.filter((code) => !code.retired);
  // The chosen code, else the first one shown: a selection that disappears (merged, hidden) falls back.
  const selected = shownCodes.find((code) => code.id === chosenId) ?? shownCodes[0] ?? null;
  const retiredCount = codes.filter((code) => code.retired).length;
  const focused = focusCodeIds.flatMap((id) => codes.filter((code) => code.id === id));
  const close = () => setDialog(null);

  function toggle(codeId: string) {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(codeId)) next.delete(codeId);
      else next.add(codeId);
      return next;
    });
  }

  function moveCode(codeId: string, body: MoveCodeBody) {
    setChosenId(codeId);
    // Open the new parent, so the moved code stays in sight.
    if (body.parentId) {
      const parentId = body.parentId;
      setCollapsed((current) => new Set([...current].filter((id) => id !== parentId)));
    }
    move.mutate(
      { codeId, body },
      { onError: (error) => notifications.show({ color: 'red', title: 'The code was not moved', message: errorMessage(error) }) },
    );
  }

  function act(code: CodebookCode, action: CodeAction) {
    if (action === 'add-child') setDialog({ kind: 'add', parentId: code.id });
    else if (action === 'add-sibling') setDialog({ kind: 'add', parentId: code.parentId, afterId: code.id });
    else setDialog({ kind: action, code });
  }

  const exchangeMenu = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          leftSection={<IconTransfer size={16} aria-hidden />}
        >
          Export / import
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download</Menu.Label>
        <Menu.Item
          component="a"
          href={codebookExportUrl(projectId, stageId, 'json')}
          download
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          Concord JSON
        </Menu.Item>
        {codes.some((code) => !code.retired) ? (
          <Menu.Item
            component="a"
            href={codebookExportUrl(projectId, stageId, 'qdc')}
            download
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            REFI-QDA codebook (.qdc)
          </Menu.Item>
        ) : null}
        {editable ? (
          <>
            <Menu.Divider />
            <Menu.Label>Bring codes in</Menu.Label>
            <Menu.Item leftSection={<IconFileImport size={14} aria-hidden />} onClick={() => setDialog({ kind: 'import' })}>
              Import a file…
            </Menu.Item>
            <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} onClick={() => setDialog({ kind: 'copy' })}>
              Copy from another stage…
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Stack gap="lg">
      {focused.length === 2 ? <CodePairNote codes={focused} onSelect={setChosenId} /> : null}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs">
          <Badge variant="light" color="indigo" size="lg" title="Every change raises the version by one">
            Version {codebook.data.version}
          </Badge>
          <Text size="sm" c="dimmed">
            {plural(codes.length - retiredCount, 'active code')}
            {editable && retiredCount ? `, ${retiredCount} retired` : ''}
          </Text>
          {!editable ? (
            <Badge variant="outline" color="gray">
              read-only
            </Badge>
          ) : null}
        </Group>
        <Group gap="sm">
          {editable ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add', parentId: null })}>
              Add top-level code
            </Button>
          ) : null}
          {exchangeMenu}
        </Group>
      </Group>

      {codes.length === 0 ? (
        <Card withBorder radius="md" padding="xl">
          <Stack align="center" gap="sm" ta="center">
            <IconHierarchy2 size={36} stroke={1.4} aria-hidden color="var(--mantine-color-dimmed)" />
            <Title order={2} fz="h4">
              The codebook of “{stageName}” is empty
            </Title>
            {editable ? (
              <>
                <Text size="sm" c="dimmed" maw={520}>
                  Add the first code, import a codebook file (Concord JSON or REFI-QDA .qdc), or copy the codes of another stage.
                </Text>
                <Group gap="sm" justify="center">
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add', parentId: null })}>
                    Add the first code
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconFileImport size={16} aria-hidden />}
                    onClick={() => setDialog({ kind: 'import' })}
                  >
                    Import a file
                  </Button>
                  <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setDialog({ kind: 'copy' })}>
                    Copy from another stage
                  </Button>
                </Group>
              </>
            ) : (
              <Text size="sm" c="dimmed" maw={520}>
                No codes yet: a lead of this project defines them. They will appear here.
              </Text>
            )}
          </Stack>
        </Card>
      ) : (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="codes-heading">
              <Group justify="space-between" mb="xs" gap="xs">
                <Title order={2} fz="h4" id="codes-heading">
                  Codes
                </Title>
                <Group gap={4}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconFoldDown size={14} aria-hidden />}
                    onClick={() => setCollapsed(new Set())}
                  >
                    Expand all
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconFoldUp size={14} aria-hidden />}
                    onClick={() =>
                      setCollapsed(
                        new Set(codes.filter((code) => codes.some((child) => child.parentId === code.id)).map((code) => code.id)),
                      )
                    }
                  >
                    Collapse all
                  </Button>
                </Group>
              </Group>
              {editable ? (
                <Stack gap={6} mb="sm">
                  <Text size="xs" c="dimmed">
                    Drag a code by its handle to reorder it; drag right or left to change its level. With the keyboard: focus the handle,
                    press Space, use the arrow keys, press Space again.
                  </Text>
                  {retiredCount > 0 ? (
                    <Switch
                      size="xs"
                      label="Show retired codes"
                      checked={showRetired}
                      onChange={(event) => setShowRetired(event.currentTarget.checked)}
                    />
                  ) : null}
                </Stack>
              ) : null}
              <CodebookTree
                codes={codes}
                selectedId={selected?.id ?? null}
                onSelect={setChosenId}
                collapsed={collapsed}
                onToggle={toggle}
                showRetired={showRetired}
                onMove={editable ? moveCode : undefined}
              />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder radius="md" padding="lg" component="section" aria-label="Selected code">
              {selected ? (
                <CodeDetail
                  projectId={projectId}
                  stageId={stageId}
                  codes={codes}
                  code={selected}
                  editable={editable}
                  onAction={(action) => act(selected, action)}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  Select a code to see its definition and examples.
                </Text>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}

      <Card withBorder radius="md" padding="lg" component="section" aria-label="History and recode queue">
        <Tabs defaultValue="history" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="history">History</Tabs.Tab>
            {editable ? (
              <Tabs.Tab
                value="recode"
                rightSection={
                  recodeQueue.data?.total ? (
                    <Badge size="xs" color="orange" variant="filled">
                      {recodeQueue.data.total}
                    </Badge>
                  ) : undefined
                }
              >
                Recode queue
              </Tabs.Tab>
            ) : null}
          </Tabs.List>
          <Tabs.Panel value="history">
            <CodebookHistoryList projectId={projectId} stageId={stageId} />
          </Tabs.Panel>
          {editable ? (
            <Tabs.Panel value="recode">
              <RecodeQueueTable projectId={projectId} stageId={stageId} codes={codes} stage={stage} />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      </Card>

      {dialog?.kind === 'add' ? (
        <AddCodeDialog
          projectId={projectId}
          stageId={stageId}
          codes={codes}
          parentId={dialog.parentId}
          afterId={dialog.afterId}
          onClose={close}
          onCreated={(code) => {
            setChosenId(code.id);
            if (code.parentId) {
              const parentId = code.parentId;
              setCollapsed((current) => new Set([...current].filter((id) => id !== parentId)));
            }
            close();
          }}
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveCodeDialog projectId={projectId} stageId={stageId} codes={codes} code={dialog.code} onClose={close} />
      ) : null}
      {dialog?.kind === 'merge' ? (
        <MergeCodeDialog projectId={projectId} stageId={stageId} codes={codes} code={dialog.code} onClose={close} />
      ) : null}
      {dialog?.kind === 'split' ? (
        <SplitCodeDialog projectId={projectId} stageId={stageId} codes={codes} code={dialog.code} onClose={close} />
      ) : null}
      {dialog?.kind === 'retire' ? (
        <RetireCodeDialog projectId={projectId} stageId={stageId} codes={codes} code={dialog.code} onClose={close} />
      ) : null}
      {dialog?.kind === 'import' ? (
        <ImportCodebookDialog projectId={projectId} stageId={stageId} codes={codes} selectedId={selected?.id ?? null} onClose={close} />
      ) : null}
      {dialog?.kind === 'copy' ? (
        <CopyCodebookDialog projectId={projectId} stageId={stageId} codes={codes} selectedId={selected?.id ?? null} onClose={close} />
      ) : null}
    </Stack>
  );
}
