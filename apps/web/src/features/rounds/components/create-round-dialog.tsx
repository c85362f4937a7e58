// Drawing a new round of a stage: a seeded random sample of the issues no round of the stage has
// assigned yet, the coders and their overlap, and whether coding starts at once. The API's
// refusals (no issue left, overlap too large, ...) stay in the dialog with their messages.
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import type { CreateRoundBody, Overlap, Role, Round, Stage } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { plural } from '../../../lib/format.ts';
import { useIssueSets } from '../../issue-sets/api/get-issue-sets.ts';
import { useCreateRound } from '../api/create-round.ts';
import { useRounds } from '../api/get-rounds.ts';
import { describeOverlap } from './round-format.ts';
import { useCoderCandidates } from './use-coder-candidates.ts';

type OverlapMode = Overlap['mode'];

const OVERLAP_MODES: { value: OverlapMode; label: string }[] = [
  { value: 'all', label: 'All coders' },
  { value: 'k', label: 'k per issue' },
  { value: 'share', label: 'Share double-coded' },
];

const isWhole = (value: number | string): value is number => typeof value === 'number' && Number.isInteger(value);

interface CreateRoundDialogProps {
  projectId: string;
  role: Role;
  stage: Stage;
  /** Every stage of the project: a lead picks coders from the rounds of any of them. */
  stages: Stage[];
  onClose: () => void;
  onCreated: (round: Round) => void;
}

export function CreateRoundDialog({ projectId, role, stage, stages, onClose, onCreated }: CreateRoundDialogProps) {
  const create = useCreateRound(projectId, stage.id);
  const rounds = useRounds(projectId, stage.id);
  const candidates = useCoderCandidates(
    projectId,
    role,
    stages.map((entry) => entry.id),
  );
  const [name, setName] = useState('');
  const [sampleSize, setSampleSize] = useState<number | string>('');
  const [stratify, setStratify] = useState(false);
  const [coderIds, setCoderIds] = useState<string[]>([]);
  const [mode, setMode] = useState<OverlapMode>('all');
  const [k, setK] = useState<number | string>(2);
  const [percent, setPercent] = useState<number | string>(20);
  const [seed, setSeed] = useState('');
  const [issueSetId, setIssueSetId] = useState<string | null>(null);
  const issueSets = useIssueSets(projectId);
  const [open, setOpen] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const nextNumber = Math.max(0, ...(rounds.data ?? []).map((round) => round.number)) + 1;
  const coders = coderIds.length;

  const errors = {
    sampleSize:
      sampleSize !== '' && !(isWhole(sampleSize) && sampleSize >= 1) ? 'A whole number of issues, at least 1; or empty for all.' : null,
    coders: coders === 0 ? 'Choose at least one coder.' : null,
    k:
      mode !== 'k'
        ? null
        : !(isWhole(k) && k >= 1)
          ? 'A whole number of coders, at least 1.'
          : coders > 0 && k > coders
            ? `${k} coders per issue, but only ${plural(coders, 'coder')} chosen.`
            : null,
    percent:
      mode !== 'share'
        ? null
        : !(typeof percent === 'number' && percent >= 0 && percent <= 100)
          ? 'A percentage from 0 to 100.'
          : coders === 1 && percent > 0
            ? 'Double coding needs at least 2 coders.'
            : null,
  };
  const valid = Object.values(errors).every((error) => error === null);
  const shown = (error: string | null) => (submitted ? error : null);

  const overlap: Overlap =
    mode === 'k'
      ? { mode: 'k', k: isWhole(k) ? k : 1 }
      : mode === 'share'
        ? { mode: 'share', share: typeof percent === 'number' ? percent / 100 : 0 }
        : { mode: 'all' };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    const body: CreateRoundBody = {
      coderIds,
      overlap,
      stratifyByRepository: stratify,
      open,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(isWhole(sampleSize) ? { sampleSize } : {}),
      ...(seed.trim() ? { seed: seed.trim() } : {}),
      ...(issueSetId ? { issueSetId } : {}),
    };
    create.mutate(body, {
      onSuccess: (round) => {
        notifications.show({
          color: 'teal',
          title: 'Round created',
          message: `“${round.name}”: ${plural(round.issues, 'issue')}, ${plural(round.progress.assigned, 'assignment')}, ${
            round.status === 'open' ? 'open for coding' : 'saved as a draft'
          }.`,
        });
        onCreated(round);
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={`New round in ${stage.name}`} centered size="lg">
      <form onSubmit={submit} noValidate aria-label="Create round">
        <Stack gap="md">
          {create.error ? <ErrorAlert error={create.error} title="The round was not created" /> : null}
          <TextInput
            label="Name"
            description="Optional; the round's number otherwise."
            maxLength={120}
            placeholder={`Round ${nextNumber}`}
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />

          <Fieldset legend="Issues" variant="filled" radius="md">
            <Stack gap="sm">
              <Select
                label="Issue set"
                description="Draw from an issue set saved on the Issues page; empty: the stage’s issues not yet assigned."
                placeholder="Issues not yet assigned"
                data={(issueSets.data ?? []).map((set) => ({ value: set.id, label: `${set.name} (${plural(set.issues, 'issue')})` }))}
                value={issueSetId}
                onChange={setIssueSetId}
                clearable
              />
              {issueSetId ? (
                <Text size="sm">A random sample of the issue set (all of it when no size is given).</Text>
              ) : (
                <Text size="sm">
                  A random sample of the stage’s issues that no round of {stage.name} has assigned yet
                  {stage.input ? (
                    <>
                      , among those whose final label in {stage.input.stageName} contains “{stage.input.codeName}”
                    </>
                  ) : null}
                  .
                </Text>
              )}
              <NumberInput
                label="Sample size"
                description="How many issues to draw; leave empty to take all of them."
                placeholder="All"
                min={1}
                allowDecimal={false}
                allowNegative={false}
                value={sampleSize}
                error={shown(errors.sampleSize)}
                onChange={setSampleSize}
              />
              <Switch
                label="Stratify by repository"
                description="Draw from each repository in proportion to its share of the candidate issues."
                checked={stratify}
                onChange={(event) => setStratify(event.currentTarget.checked)}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend="Coders and overlap" variant="filled" radius="md">
            <Stack gap="sm">
              {candidates.source === 'rounds' ? (
                <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} p="xs" role="note">
                  <Text size="sm">
                    Only owners can list the project’s members, so you choose among the coders of the rounds already drawn in this project.
                    To give a round to someone who has not coded here yet, ask an owner of the project to draw it.
                  </Text>
                </Alert>
              ) : null}
              {candidates.error ? <ErrorAlert error={candidates.error} title="Could not load the people to choose from" /> : null}
              <MultiSelect
                label="Coders"
                required
                placeholder={candidates.pending ? 'Loading…' : coders === 0 ? 'Choose the coders' : undefined}
                data={candidates.options}
                value={coderIds}
                onChange={setCoderIds}
                searchable
                hidePickedOptions
                nothingFoundMessage={candidates.pending ? 'Loading…' : 'Nobody to choose'}
                error={shown(errors.coders)}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="round-overlap-label">
                  Overlap
                </Text>
                <SegmentedControl<OverlapMode>
                  aria-labelledby="round-overlap-label"
                  fullWidth
                  data={OVERLAP_MODES}
                  value={mode}
                  onChange={setMode}
                />
              </Stack>
              {mode === 'k' ? (
                <NumberInput
                  label="Coders per issue"
                  description="Each issue goes to this many of the chosen coders, with the load balanced among them."
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  value={k}
                  error={shown(errors.k)}
                  onChange={setK}
                />
              ) : mode === 'share' ? (
                <NumberInput
                  label="Double-coded share"
                  description="This share of the issues goes to two coders, the rest to one; agreement is measured on the double-coded ones."
                  min={0}
                  max={100}
                  suffix="%"
                  decimalScale={1}
                  allowNegative={false}
                  value={percent}
                  error={shown(errors.percent)}
                  onChange={setPercent}
                />
              ) : null}
              <Text size="sm" c="dimmed" data-testid="overlap-summary">
                {coders === 0
                  ? 'Choose the coders to see the overlap in words.'
                  : `With ${plural(coders, 'coder')}: ${describeOverlap(overlap, coders)}.`}
              </Text>
            </Stack>
          </Fieldset>

          <TextInput
            label="Seed"
            description="Optional. The same seed draws the same issues and assignments again; it is recorded with the round, and a random one is used when left empty."
            maxLength={100}
            value={seed}
            onChange={(event) => setSeed(event.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Switch
            label="Open for coding at once"
            description={`Off: the round is kept as a draft until you open it. It records the codebook's current version (${stage.codebookVersion}).`}
            checked={open}
            onChange={(event) => setOpen(event.currentTarget.checked)}
          />

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              {open ? 'Create and open' : 'Create round'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
