// One assignment on the coding screen: the issue beside the codebook, my coding of it kept as a
// draft while I work (saved ~800 ms after each change) and submitted with Enter, which moves on
// to the next issue at once. Keyboard first: every action has a key (see ShortcutSheet).
import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Anchor, Badge, Button, Divider, Group, Kbd, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconLock, IconRefresh } from '@tabler/icons-react';
import type { AssignmentDetail, CodingState, MyQueue } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { errorMessage, isApiError } from '../../../lib/api-client.ts';
import { currentCodingOf, pendingSave, SupersededSaveError, useSaveCoding, type CodingValues } from '../api/save-coding.ts';
import { buildCodeNodes, pickCode } from './code-tree.ts';
import { CodebookPanel } from './codebook-panel.tsx';
import { CodingToolbar } from './coding-toolbar.tsx';
import { IssueVersions } from './issue-versions.tsx';
import { isActivatedByEnter, isTextField } from './keyboard.ts';
import { ShortcutSheet } from './shortcut-sheet.tsx';
import { useActiveTime } from './use-active-time.ts';
import classes from './coding-screen.module.css';

const AUTOSAVE_DELAY_MS = 800;
const EMPTY: CodingValues = { codeIds: [], memo: '', flagged: false, cannotDecide: false };

function valuesOf(coding: CodingState | null): CodingValues {
  if (!coding) return EMPTY;
  return { codeIds: coding.codeIds, memo: coding.memo, flagged: coding.flagged, cannotDecide: coding.cannotDecide };
}

function sameValues(a: CodingValues, b: CodingValues): boolean {
  return (
    a.memo === b.memo &&
    a.flagged === b.flagged &&
    a.cannotDecide === b.cannotDecide &&
    [...a.codeIds].sort().join() === [...b.codeIds].sort().join()
  );
}

function SaveStatus({
  readOnly,
  failed,
  saving,
  coding,
}: {
  readOnly: boolean;
  failed: boolean;
  saving: boolean;
  coding: CodingState | null;
}) {
  let text: ReactNode;
  let color = 'dimmed';
  if (readOnly) text = 'Read-only';
  else if (failed) {
    text = 'Not saved';
    color = 'red';
  } else if (saving) text = 'Saving…';
  else if (!coding) text = 'Not coded yet';
  else if (coding.status === 'submitted') {
    text = (
      <Group component="span" gap={4} wrap="nowrap">
        <IconCheck size={14} aria-hidden /> Saved · submitted
      </Group>
    );
    color = 'teal';
  } else text = 'Saved · draft';
  return (
    <Text size="xs" c={color} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </Text>
  );
}

interface CodingSessionProps {
  projectId: string;
  detail: AssignmentDetail;
  queue: MyQueue | undefined;
}

export function CodingSession({ projectId, detail, queue }: CodingSessionProps) {
  const navigate = useNavigate();
  const save = useSaveCoding(projectId);
  const activeTime = useActiveTime();
  const { assignmentId, round, issue } = detail;
  const mode = round.stage.mode;
  const readOnly = round.status !== 'open';
  const nodes = useMemo(() => buildCodeNodes(detail.codes), [detail.codes]);
  const keyToCode = useMemo(
    () => new Map(nodes.flatMap((node) => (node.shortcut ? [[node.shortcut, node.code.id] as const] : []))),
    [nodes],
  );

  // A save of this issue may still be on its way (Enter, then K straight back): show what it holds.
  const [values, setValues] = useState<CodingValues>(() => pendingSave(assignmentId)?.values ?? valuesOf(detail.coding));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(0);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [sheetOpened, sheet] = useDisclosure(false);

  const titleRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const memoRef = useRef<HTMLTextAreaElement>(null);
  const mountedRef = useRef(false);
  // What the unmount flush must save: refs, because it runs after the last render.
  const latestRef = useRef({ values, dirty, saving: 0 });

  useEffect(() => {
    latestRef.current = { values, dirty, saving };
  });

  const place = queue ? queue.items.findIndex((item) => item.assignmentId === assignmentId) + 1 || null : null;
  const progress = queue?.progress ?? detail.progress;
  const where = `${issue.repository}#${issue.number}`;
  const pathOf = (id: string) => `/projects/${projectId}/coding/${id}`;

  function reportSaveError(error: unknown) {
    if (error instanceof SupersededSaveError) return;
    const mounted = mountedRef.current;
    if (isApiError(error, 409) && error.code === 'STALE_VERSION') {
      const message =
        'Your coding of this issue was changed elsewhere (another tab or window). The latest saved version is shown; your last change was not saved.';
      if (mounted) {
        const current = valuesOf(currentCodingOf(error));
        setValues(current);
        setDirty(false);
        latestRef.current = { ...latestRef.current, values: current, dirty: false };
        setNotice(message);
      } else {
        notifications.show({ color: 'yellow', title: `${where} was changed elsewhere`, message, autoClose: false });
      }
      return;
    }
    if (isApiError(error, 409) && (error.code === 'ROUND_CLOSED' || error.code === 'ROUND_NOT_OPEN')) {
      // The cache now marks the round closed, which makes this screen read-only.
      if (mounted) setNotice(error.message);
      else notifications.show({ color: 'yellow', title: `Not saved: ${where}`, message: error.message, autoClose: false });
      return;
    }
    if (mounted) {
      setSaveError(error);
      return;
    }
    notifications.show({
      color: 'red',
      title: `Not saved: ${where}`,
      autoClose: false,
      message: (
        <Stack gap={4} align="flex-start">
          <Text size="sm">{errorMessage(error)}</Text>
          <Anchor component="button" type="button" size="sm" onClick={() => navigate(pathOf(assignmentId))}>
            Go back to it
          </Anchor>
        </Stack>
      ),
    });
  }

  /** Queues a save of `snapshot` with the active time since the last one; resolves null on failure. */
  function persist(status: 'draft' | 'submitted', snapshot: CodingValues): Promise<CodingState | null> {
    const activeSecondsDelta = activeTime.take();
    latestRef.current = { ...latestRef.current, values: snapshot, dirty: false };
    setDirty(false);
    setSaveError(null);
    setSaving((count) => count + 1);
    return save(assignmentId, { status, values: snapshot, activeSecondsDelta })
      .then(
        (state) => state,
        (error: unknown) => {
          // The time was not recorded: send it with the next save (if this screen is still open).
          if (!isApiError(error, 409) && !(error instanceof SupersededSaveError)) activeTime.giveBack(activeSecondsDelta);
          reportSaveError(error);
          return null;
        },
      )
      .finally(() => {
        if (mountedRef.current) setSaving((count) => count - 1);
      });
  }

  function change(update: (current: CodingValues) => CodingValues) {
    if (readOnly) return;
    setValues(update);
    setDirty(true);
    setProblem(null);
    setSaveError(null);
  }

  const pick = (codeId: string) => change((current) => ({ ...current, codeIds: pickCode(mode, current.codeIds, codeId) }));

  function goTo(id: string | null) {
    // Leaving flushes a pending draft (see the unmount effect), so nothing typed is lost.
    if (id) navigate(pathOf(id));
  }

  function submit() {
    if (readOnly || finishing) return;
    if (values.codeIds.length === 0 && !values.cannotDecide) {
      setProblem('Choose a code, or turn on “Cannot decide”, before submitting.');
      return;
    }
    // Already submitted as it stands: nothing to send, just move on.
    const unchanged =
      !dirty &&
      saving === 0 &&
      !pendingSave(assignmentId) &&
      detail.coding?.status === 'submitted' &&
      sameValues(values, valuesOf(detail.coding));
    const saved = unchanged ? Promise.resolve(detail.coding) : persist('submitted', values);
    if (detail.nextAssignmentId) {
      // At once: the next issue was prefetched, and a failed submit is reported wherever I am.
      goTo(detail.nextAssignmentId);
      return;
    }
    // The end of my queue: wait for the answer, so that the rounds page shows the final count.
    setFinishing(true);
    void saved.then((state) => {
      if (!mountedRef.current) return;
      setFinishing(false);
      if (state) navigate(`/projects/${projectId}/coding`, { state: { finishedRound: round.name } });
    });
  }

  const toggle = (field: 'flagged' | 'cannotDecide') => change((current) => ({ ...current, [field]: !current[field] }));

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || sheetOpened) return;
    const { key, target } = event;
    if (key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      if (!event.repeat) submit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTextField(target)) return;
    // Holding a key down must not submit or skip a whole run of issues.
    if (event.repeat) return;

    if (key === 'Enter') {
      if (isActivatedByEnter(target)) return;
      event.preventDefault();
      submit();
    } else if (key === '?') {
      event.preventDefault();
      sheet.open();
    } else if (key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (key === 'j' || key === 'ArrowRight') {
      event.preventDefault();
      goTo(detail.nextAssignmentId);
    } else if (key === 'k' || key === 'ArrowLeft') {
      event.preventDefault();
      goTo(detail.previousAssignmentId);
    } else if (event.shiftKey && key.toLowerCase() === 'm') {
      event.preventDefault();
      memoRef.current?.focus();
    } else if (event.shiftKey && key.toLowerCase() === 'f') {
      event.preventDefault();
      toggle('flagged');
    } else if (event.shiftKey && key.toLowerCase() === 'c') {
      event.preventDefault();
      toggle('cannotDecide');
    } else if (!event.shiftKey || !/^[a-z]$/i.test(key)) {
      const codeId = keyToCode.get(key.toLowerCase());
      if (codeId) {
        event.preventDefault();
        pick(codeId);
      }
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const autosave = useEffectEvent(() => {
    if (latestRef.current.dirty && !readOnly) void persist('draft', values);
  });

  useEffect(() => {
    if (!dirty || readOnly) return;
    const timer = window.setTimeout(() => autosave(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [values, dirty, readOnly]);

  const flush = useEffectEvent(() => {
    const latest = latestRef.current;
    if (latest.dirty && !readOnly) void persist('draft', latest.values);
  });

  useEffect(() => {
    mountedRef.current = true;
    // A new issue: start reading at its top, and let screen readers announce its title.
    window.scrollTo({ top: 0 });
    titleRef.current?.focus({ preventScroll: true });
    // Switching tabs or closing the window may not leave the debounce time to run out.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (latestRef.current.dirty || latestRef.current.saving > 0) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      flush();
      mountedRef.current = false;
    };
  }, []);

  const submitLabel = detail.nextAssignmentId ? 'Submit and next' : 'Submit and finish';

  return (
    <>
      <div className={classes.layout}>
        <div>
          <CodingToolbar
            projectId={projectId}
            round={round}
            place={place}
            total={progress.total}
            submitted={progress.submitted}
            onPrevious={detail.previousAssignmentId ? () => goTo(detail.previousAssignmentId) : null}
            onNext={detail.nextAssignmentId ? () => goTo(detail.nextAssignmentId) : null}
            onShowShortcuts={sheet.open}
          />
          {readOnly ? (
            <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title={`${round.name} is ${round.status}`} mb="md">
              {round.status === 'closed'
                ? 'Coding in this round has ended: your coding is shown as you left it and can no longer change.'
                : 'This round is not open for coding yet: you can read the issue, but not code it.'}
            </Alert>
          ) : null}
          {notice ? (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              mb="md"
              withCloseButton
              closeButtonLabel="Dismiss"
              onClose={() => setNotice(null)}
            >
              {notice}
            </Alert>
          ) : null}
          <section aria-label="Issue">
            <IssueVersions key={assignmentId} issue={issue} codedVersion={detail.codedVersion} titleRef={titleRef} />
          </section>
        </div>
        <Paper component="aside" withBorder radius="md" p="md" className={classes.panel} aria-label="My coding">
          <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
            <Title order={2} fz="h4">
              Codebook
            </Title>
            <Text size="xs" c="dimmed">
              {mode === 'single' ? 'Pick one code' : 'Pick every code that applies'}
            </Text>
          </Group>
          <CodebookPanel
            nodes={nodes}
            mode={mode}
            stageName={round.stage.name}
            selected={values.codeIds}
            readOnly={readOnly}
            onPick={pick}
            onClear={() => change((current) => ({ ...current, codeIds: [] }))}
            searchRef={searchRef}
          />
          <Divider my="sm" />
          <Stack gap="sm">
            <Textarea
              ref={memoRef}
              label="Memo"
              description="Why this code, doubts, a quote: only you and the leads read it."
              placeholder="Optional"
              classNames={{ input: classes.memo }}
              maxLength={20_000}
              readOnly={readOnly}
              value={values.memo}
              onChange={(event) => {
                const memo = event.currentTarget.value;
                change((current) => ({ ...current, memo }));
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  event.currentTarget.blur();
                }
              }}
              size="sm"
            />
            <Group gap="lg" wrap="wrap">
              <Switch
                label="Flag for discussion"
                aria-keyshortcuts="Shift+F"
                checked={values.flagged}
                disabled={readOnly}
                onChange={() => toggle('flagged')}
                size="sm"
              />
              <Switch
                label="Cannot decide"
                aria-keyshortcuts="Shift+C"
                checked={values.cannotDecide}
                disabled={readOnly}
                onChange={() => toggle('cannotDecide')}
                size="sm"
              />
            </Group>
            {problem ? (
              <Text size="sm" c="red" role="alert">
                {problem}
              </Text>
            ) : null}
            {saveError ? <ErrorAlert error={saveError} title="Your coding was not saved" onClose={() => setSaveError(null)} /> : null}
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <SaveStatus readOnly={readOnly} failed={Boolean(saveError)} saving={dirty || saving > 0} coding={detail.coding} />
                {saveError ? (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    leftSection={<IconRefresh size={12} aria-hidden />}
                    onClick={() => void persist('draft', values)}
                  >
                    Retry
                  </Button>
                ) : null}
              </Group>
              <Button
                onClick={submit}
                disabled={readOnly}
                loading={finishing}
                aria-keyshortcuts="Enter"
                rightSection={
                  <Kbd size="xs" aria-hidden>
                    Enter
                  </Kbd>
                }
              >
                {submitLabel}
              </Button>
            </Group>
            {!readOnly && detail.coding?.status === 'draft' && detail.coding.submittedAt ? (
              <Badge variant="light" color="orange" tt="none" size="sm">
                Changed since you submitted it: a draft until you submit again
              </Badge>
            ) : null}
          </Stack>
        </Paper>
      </div>
      <ShortcutSheet opened={sheetOpened} onClose={sheet.close} nodes={nodes} mode={mode} />
    </>
  );
}
