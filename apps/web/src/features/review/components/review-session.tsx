// One issue under review: the issue and discussion beside each coder's codes, the final set, a
// rationale and the history. Keyboard first: Shift + a coder's letter accepts their set, a code's
// key toggles it, Enter decides and opens the next issue, J / K move; a stale decision shows theirs.
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Divider, Group, Kbd, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconLock } from '@tabler/icons-react';
import type { ReviewIssue, ReviewIssueCoding } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { buildCodeNodes, pickCode } from '../../coding/components/code-tree.ts';
import { CodebookPanel } from '../../coding/components/codebook-panel.tsx';
import { isActivatedByEnter, isTextField } from '../../coding/components/keyboard.ts';
import { IssueView } from '../../issues/components/issue-view.tsx';
import { currentLabelOf, useDecide, useReopen } from '../api/decide.ts';
import { codeShares } from './code-agreement.ts';
import { CodeBadge, CoderCodings, coderName } from './coder-codings.tsx';
import { DiscussionThread } from './discussion-thread.tsx';
import { LabelHistory } from './label-history.tsx';
import classes from './review.module.css';

interface ReviewSessionProps {
  projectId: string;
  detail: ReviewIssue;
  anonymous: boolean;
  onAnonymousChange: (anonymous: boolean) => void;
  /** "3 of 12" in the queue, when the issue is in it. */
  place: { index: number; total: number } | null;
  onNext: (() => void) | null;
  onPrevious: (() => void) | null;
  /** After a decision: the next issue of the queue, or back to the queue. */
  onDecided: () => void;
}

export function ReviewSession({
  projectId,
  detail,
  anonymous,
  onAnonymousChange,
  place,
  onNext,
  onPrevious,
  onDecided,
}: ReviewSessionProps) {
  const { stage, issue, finalLabel } = detail;
  const decide = useDecide(projectId, stage.id, issue.id);
  const reopen = useReopen(projectId, stage.id, issue.id);
  const codes = useMemo(() => new Map(detail.codes.map((code) => [code.id, code])), [detail.codes]);
  const nodes = useMemo(() => buildCodeNodes(detail.codes.filter((code) => !code.retired)), [detail.codes]);
  const keyToCode = useMemo(() => new Map(nodes.flatMap((n) => (n.shortcut ? [[n.shortcut, n.code.id] as const] : []))), [nodes]);
  const shares = useMemo(() => codeShares(detail.codings), [detail.codings]);
  const latestRound = Math.max(...detail.codings.map((c) => c.round));
  const codings = detail.codings.filter((c) => c.round === latestRound);

  const [selected, setSelected] = useState<string[]>(() => finalLabel?.codeIds ?? []);
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reopenReason, setReopenReason] = useState('');
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const stale = decide.error ? currentLabelOf(decide.error) : undefined;

  useEffect(() => {
    window.scrollTo({ top: 0 });
    titleRef.current?.focus({ preventScroll: true });
  }, []);

  function accept(coding: ReviewIssueCoding) {
    if (!detail.canDecide || coding.status !== 'submitted') return;
    setSelected(coding.codeIds);
    setProblem(null);
  }

  function submit() {
    if (!detail.canDecide || decide.isPending) return;
    if (selected.length === 0) {
      setProblem('Choose the final code(s): accept a coder’s set with Shift + their letter, or pick codes.');
      return;
    }
    decide.mutate(
      { baseVersion: finalLabel?.version ?? 0, codeIds: selected, rationale: rationale.trim() },
      { onSuccess: () => onDecided() },
    );
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const { key, target } = event;
    if (key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!event.repeat) submit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTextField(target) || event.repeat) return;
    if (key === 'Enter') {
      if (isActivatedByEnter(target)) return;
      event.preventDefault();
      submit();
    } else if (key === 'j' || key === 'ArrowRight') {
      event.preventDefault();
      onNext?.();
    } else if (key === 'k' || key === 'ArrowLeft') {
      event.preventDefault();
      onPrevious?.();
    } else if (key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
    } else if (event.shiftKey && key === 'R') {
      event.preventDefault();
      rationaleRef.current?.focus();
    } else if (event.shiftKey && key === 'N') {
      event.preventDefault();
      onAnonymousChange(!anonymous);
    } else if (event.shiftKey && /^[A-Z]$/.test(key)) {
      const coding = codings.find((c) => c.label === key);
      if (coding) {
        event.preventDefault();
        accept(coding);
      }
    } else if (detail.canDecide && !event.shiftKey) {
      const codeId = keyToCode.get(key.toLowerCase());
      if (codeId) {
        event.preventDefault();
        setSelected((current) => pickCode(stage.mode, current, codeId));
      }
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const unchanged = finalLabel && !finalLabel.reopened && [...selected].sort().join() === finalLabel.codeIds.join();

  return (
    <div className={classes.layout}>
      <Stack gap="xl">
        <IssueView issue={issue} titleRef={titleRef} />
        <Divider />
        <DiscussionThread projectId={projectId} stageId={stage.id} issueId={issue.id} anonymous={anonymous} />
      </Stack>
      <Paper withBorder radius="md" p="md" className={classes.panel} component="aside" aria-label="Review">
        <Stack gap="md">
          <Group justify="space-between" gap="xs">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {stage.name} · round {latestRound}
              </Text>
              {place ? (
                <Text size="xs" c="dimmed" data-testid="queue-place">
                  {place.index + 1} of {place.total} in the queue
                </Text>
              ) : null}
            </Stack>
            <Group gap={4}>
              <Button size="compact-sm" variant="default" onClick={onPrevious ?? undefined} disabled={!onPrevious}>
                Previous <Kbd ml={4}>K</Kbd>
              </Button>
              <Button size="compact-sm" variant="default" onClick={onNext ?? undefined} disabled={!onNext}>
                Next <Kbd ml={4}>J</Kbd>
              </Button>
            </Group>
          </Group>
          {detail.canDecide ? (
            <Switch
              label={
                <>
                  Hide coder names <Kbd size="xs">⇧N</Kbd>
                </>
              }
              checked={anonymous}
              onChange={(event) => onAnonymousChange(event.currentTarget.checked)}
            />
          ) : null}
          <CoderCodings codings={codings} codes={codes} shares={shares} onAccept={detail.canDecide ? accept : null} />

          {finalLabel ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Title order={2} fz="h5">
                  Final label
                </Title>
                <Badge variant="light" color={finalLabel.reopened ? 'orange' : finalLabel.agreed ? 'teal' : 'blue'}>
                  {finalLabel.reopened ? 'reopened' : finalLabel.agreed ? 'agreed' : `decided, v${finalLabel.version}`}
                </Badge>
              </Group>
              <Group gap={4} data-testid="final-label">
                {finalLabel.codeIds.map((codeId) => (
                  <CodeBadge key={codeId} code={codes.get(codeId)} />
                ))}
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No final label yet.
            </Text>
          )}

          {detail.canDecide ? (
            <Stack gap="xs" component="section" aria-label="Decision">
              <Title order={2} fz="h5">
                {finalLabel ? 'Change the decision' : 'Decide'}
              </Title>
              {stale !== undefined ? (
                <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title="Someone else decided meanwhile">
                  Their decision is shown above (version {stale?.version ?? 0}). Yours was not saved: decide again if you still disagree.
                </Alert>
              ) : decide.isError && !isApiError(decide.error, 409) ? (
                <ErrorAlert error={decide.error} title="Not saved" />
              ) : null}
              <Group gap={4} aria-label="Chosen codes" data-testid="composed">
                {selected.length ? (
                  selected.map((codeId) => <CodeBadge key={codeId} code={codes.get(codeId)} />)
                ) : (
                  <Text size="sm" c="dimmed">
                    Nothing chosen yet.
                  </Text>
                )}
              </Group>
              <div style={{ maxHeight: 280, display: 'flex', flexDirection: 'column' }}>
                <CodebookPanel
                  nodes={nodes}
                  mode={stage.mode}
                  stageName={stage.name}
                  selected={selected}
                  readOnly={false}
                  onPick={(codeId) => setSelected((current) => pickCode(stage.mode, current, codeId))}
                  onClear={() => setSelected([])}
                  searchRef={searchRef}
                />
              </div>
              <Textarea
                ref={rationaleRef}
                label={
                  <>
                    Rationale <Kbd size="xs">⇧R</Kbd>
                  </>
                }
                placeholder="Why this is the final label (kept in the history)"
                autosize
                minRows={2}
                maxRows={6}
                value={rationale}
                onChange={(event) => setRationale(event.currentTarget.value)}
              />
              {problem ? (
                <Text size="sm" c="red" role="alert">
                  {problem}
                </Text>
              ) : null}
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={submit}
                loading={decide.isPending}
                disabled={Boolean(unchanged) && !rationale.trim()}
                rightSection={<Kbd>Enter</Kbd>}
              >
                Decide and next
              </Button>
              {finalLabel && !finalLabel.reopened ? (
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <Textarea
                    label="Reopen for discussion"
                    placeholder="Why it needs another look"
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                    value={reopenReason}
                    onChange={(event) => setReopenReason(event.currentTarget.value)}
                  />
                  <Button
                    variant="default"
                    leftSection={<IconArrowBackUp size={16} aria-hidden />}
                    disabled={!reopenReason.trim()}
                    loading={reopen.isPending}
                    onClick={() =>
                      reopen.mutate(
                        { baseVersion: finalLabel.version, reason: reopenReason.trim() },
                        { onSuccess: () => setReopenReason('') },
                      )
                    }
                  >
                    Reopen
                  </Button>
                </Group>
              ) : null}
              {reopen.isError ? <ErrorAlert error={reopen.error} title="Not reopened" /> : null}
            </Stack>
          ) : (
            <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
              Leads decide final labels; you can read the coders’ choices and reply in the discussion.
            </Alert>
          )}

          {finalLabel ? (
            <Stack gap="xs" component="section" aria-label="History">
              <Title order={2} fz="h5">
                History
              </Title>
              <LabelHistory label={finalLabel} codes={codes} />
            </Stack>
          ) : null}
          <Text size="xs" c="dimmed">
            {codings.map(coderName).join(' · ')}
          </Text>
        </Stack>
      </Paper>
    </div>
  );
}
