// The rounds of a stage in order, as the calibration sequence reads: design (issues, coders and
// overlap, seed, codebook version), status and dates, progress, and kappa with its CI and band.
// Leads and owners open drafts, close open rounds (after a warning: closing unblinds) and reopen.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Progress, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen, IconPlayerPlay } from '@tabler/icons-react';
import type { Round, RoundAgreement } from '@concord/contracts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDate, formatNumber, plural } from '../../../lib/format.ts';
import { bandColor, formatCoefficient, formatInterval, KAPPA_NAME } from '../../agreement/components/agreement-format.ts';
import { StatValue } from '../../agreement/components/stat-value.tsx';
import { useUpdateRoundStatus } from '../api/update-round-status.ts';
import { describeOverlap } from './round-format.ts';
import { RoundStatusBadge } from './round-status-badge.tsx';

interface RoundsTableProps {
  projectId: string;
  stageId: string;
  stageName: string;
  rounds: Round[];
  /** The agreement report's rounds; null when the caller may not see agreement (no kappa column). */
  agreement: RoundAgreement[] | null;
  /** The agreement report is on its way: the kappa column waits with placeholders. */
  agreementPending: boolean;
  /** Leads and owners: open, close and reopen. */
  editable: boolean;
}

type Action = { status: 'open' | 'closed'; label: string; title: string; done: string };

const ACTIONS: Record<Round['status'], Action> = {
  draft: { status: 'open', label: 'Open', title: 'Round opened', done: 'is open for coding' },
  open: { status: 'closed', label: 'Close', title: 'Round closed', done: 'is closed: its codings are unblinded' },
  closed: { status: 'open', label: 'Reopen', title: 'Round reopened', done: 'is open for coding again' },
};

function Dates({ round }: { round: Round }) {
  const line = (label: string, iso: string) => (
    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
      {label} <time dateTime={iso}>{formatDate(iso)}</time>
    </Text>
  );
  return (
    <Stack gap={0}>
      {round.openedAt ? line('opened', round.openedAt) : line('drafted', round.createdAt)}
      {round.closedAt && round.status === 'closed' ? line('closed', round.closedAt) : null}
    </Stack>
  );
}

function RoundProgress({ round, own }: { round: Round; own: boolean }) {
  const { assigned, submitted } = round.progress;
  const done = assigned > 0 && submitted === assigned;
  return (
    <Stack gap={4} miw={120}>
      <Text size="xs" data-testid="round-progress" style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(submitted)} of {formatNumber(assigned)} submitted
      </Text>
      <Progress
        size="sm"
        value={assigned ? (submitted / assigned) * 100 : 0}
        color={done ? 'teal' : undefined}
        aria-label={`${round.name}: ${own ? 'your ' : ''}${submitted} of ${assigned} assignments submitted`}
      />
    </Stack>
  );
}

function RoundKappa({
  projectId,
  stageId,
  round,
  entry,
}: {
  projectId: string;
  stageId: string;
  round: Round;
  entry: RoundAgreement | undefined;
}) {
  const kappa = entry?.overall.kappa;
  if (!kappa || kappa.value === null) {
    return (
      <StatValue
        ff="monospace"
        value={null}
        format={formatCoefficient}
        reason={kappa?.reason ?? 'No issue of this round has two submitted codings yet.'}
        data-testid="round-kappa"
      >
        κ of {round.name}
      </StatValue>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Anchor
          component={Link}
          to={`/projects/${projectId}/agreement?stage=${encodeURIComponent(stageId)}&round=${round.number}`}
          ff="monospace"
          fw={600}
          size="sm"
          data-testid="round-kappa"
          aria-label={`Agreement of ${round.name}: ${KAPPA_NAME[kappa.coefficient]} ${formatCoefficient(kappa.value)}`}
        >
          {formatCoefficient(kappa.value)}
        </Anchor>
        {kappa.band ? (
          <Badge size="sm" variant="light" color={bandColor(kappa.band)} tt="none">
            {kappa.band}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" ff="monospace" data-testid="round-ci" style={{ whiteSpace: 'nowrap' }}>
        {kappa.ci95 ? formatInterval(kappa.ci95) : 'no CI'}
      </Text>
      {/* Codings may still change while the round is open. */}
      {round.status !== 'closed' ? (
        <Text size="xs" c="dimmed">
          so far · n = {kappa.n}
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          n = {kappa.n}
        </Text>
      )}
    </Stack>
  );
}

export function RoundsTable({ projectId, stageId, stageName, rounds, agreement, agreementPending, editable }: RoundsTableProps) {
  const update = useUpdateRoundStatus(projectId);
  const [closing, setClosing] = useState<Round | null>(null);
  const pendingFor = update.isPending ? update.variables?.roundId : undefined;
  const kappaByRound = new Map((agreement ?? []).map((entry) => [entry.number, entry]));
  const coefficients = new Set((agreement ?? []).map((entry) => entry.overall.kappa.coefficient));
  const kappaName = coefficients.size === 1 ? KAPPA_NAME[[...coefficients][0]!] : 'κ';
  const withKappa = agreement !== null || agreementPending;

  function changeStatus(round: Round, action: Action) {
    update.mutate(
      { roundId: round.id, status: action.status },
      {
        onSuccess: (updated) => {
          setClosing(null);
          notifications.show({ color: 'teal', title: action.title, message: `${updated.name} ${action.done}.` });
        },
        // A refused close stays in its dialog; the other actions have no dialog to hold it.
        onError: (error) => {
          if (action.status !== 'closed')
            notifications.show({
              color: 'red',
              title: `Could not ${action.label.toLowerCase()} ${round.name}`,
              message: errorMessage(error),
            });
        },
      },
    );
  }

  function act(round: Round) {
    const action = ACTIONS[round.status];
    if (action.status === 'closed') {
      update.reset();
      setClosing(round);
    } else changeStatus(round, action);
  }

  const actionIcon = { draft: IconPlayerPlay, open: IconLock, closed: IconLockOpen } as const;

  return (
    <>
      <Table.ScrollContainer minWidth={editable ? 1000 : 900}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={`Rounds of ${stageName}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>
                #
              </Table.Th>
              <Table.Th scope="col">Round</Table.Th>
              <Table.Th scope="col">Status and dates</Table.Th>
              <Table.Th scope="col">Issues and draw</Table.Th>
              <Table.Th scope="col">Coders and overlap</Table.Th>
              <Table.Th scope="col">{editable ? 'Progress' : 'Your progress'}</Table.Th>
              {withKappa ? (
                <Table.Th scope="col">
                  {kappaName} <VisuallyHidden>with 95% CI and Landis & Koch band</VisuallyHidden>
                </Table.Th>
              ) : null}
              {editable ? (
                <Table.Th scope="col" ta="right">
                  Actions
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((round) => {
              const action = ACTIONS[round.status];
              const Icon = actionIcon[round.status];
              return (
                <Table.Tr key={round.id}>
                  <Table.Td>
                    <Text size="sm" c="dimmed" ff="monospace">
                      {round.number}
                    </Text>
                  </Table.Td>
                  <Table.Th scope="row" fw={500} fz="sm">
                    {round.name}
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <RoundStatusBadge status={round.status} />
                      <Dates round={round} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="round-issues" style={{ whiteSpace: 'nowrap' }}>
                      {plural(round.issues, 'issue')}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      codebook v{round.codebookVersion}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      seed{' '}
                      {round.seed ? (
                        <Text span inherit ff="monospace" data-testid="round-seed">
                          {round.seed}
                        </Text>
                      ) : (
                        'not recorded'
                      )}
                    </Text>
                    {round.stratifyByRepository ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        stratified by repository
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td miw={150}>
                    <Text size="sm">{round.coders.length ? round.coders.map((coder) => coder.name).join(', ') : 'nobody'}</Text>
                    <Text size="xs" c="dimmed" data-testid="round-overlap">
                      {describeOverlap(round.overlap, round.coders.length)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoundProgress round={round} own={!editable} />
                  </Table.Td>
                  {withKappa ? (
                    <Table.Td>
                      {agreement ? (
                        <RoundKappa projectId={projectId} stageId={stageId} round={round} entry={kappaByRound.get(round.number)} />
                      ) : (
                        <Skeleton h={14} w={64} aria-hidden />
                      )}
                    </Table.Td>
                  ) : null}
                  {editable ? (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant={round.status === 'open' ? 'light' : 'subtle'}
                        color={round.status === 'open' ? 'red' : undefined}
                        leftSection={<Icon size={14} aria-hidden />}
                        aria-label={`${action.label} ${round.name}`}
                        loading={pendingFor === round.id}
                        onClick={() => act(round)}
                      >
                        {action.label}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={closing !== null}
        title={closing ? `Close ${closing.name}?` : 'Close the round?'}
        confirmLabel="Close round"
        loading={update.isPending}
        error={update.error}
        onClose={() => setClosing(null)}
        onConfirm={() => {
          if (closing) changeStatus(closing, ACTIONS.open);
        }}
      >
        <Stack gap="xs">
          <Text size="sm">
            Closing unblinds the codings: the coders see this round’s agreement and, through its disagreements, how the others coded. Nobody
            can change a coding of this round while it is closed.
          </Text>
          {closing && closing.progress.submitted < closing.progress.assigned ? (
            <Text size="sm" fw={500}>
              {plural(closing.progress.assigned - closing.progress.submitted, 'assignment')} of {formatNumber(closing.progress.assigned)}{' '}
              {closing.progress.assigned - closing.progress.submitted === 1 ? 'is' : 'are'} not submitted yet.
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            You can reopen it later, but what the coders have seen cannot be unseen.
          </Text>
        </Stack>
      </ConfirmDialog>
    </>
  );
}
