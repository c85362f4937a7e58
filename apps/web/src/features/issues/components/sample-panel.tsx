// Saving what the filter shows as an issue set (leads and owners): every matching issue, or a
// seeded random sample, optionally stratified by repository, with Cochran's formula (finite
// population correction) suggesting the sample size for a confidence level and margin of error.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { cochranSampleSize } from '@concord/sampling/sample-size';
import type { IssueFilter, IssueSet } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { plural } from '../../../lib/format.ts';
import { useCreateIssueSet } from '../../issue-sets/api/create-issue-set.ts';

interface SamplePanelProps {
  projectId: string;
  filter: IssueFilter;
  /** Issues matching the filter. */
  population: number;
  onSaved: (set: IssueSet) => void;
}

export function SamplePanel({ projectId, filter, population, onSaved }: SamplePanelProps) {
  const create = useCreateIssueSet(projectId);
  const [confidence, setConfidence] = useState('0.95');
  const [margin, setMargin] = useState<number | string>(5);
  const [size, setSize] = useState<number | string>('');
  const [seed, setSeed] = useState('');
  const [stratify, setStratify] = useState(false);
  const [name, setName] = useState('');

  const suggested =
    typeof margin === 'number' && margin > 0 && margin < 100
      ? cochranSampleSize({ population, confidence: Number(confidence), margin: margin / 100 })
      : null;
  const sampleSize = typeof size === 'number' && size >= 1 ? Math.floor(size) : null;

  function save() {
    create.mutate(
      {
        name: name.trim(),
        filter,
        ...(sampleSize
          ? { sample: { size: sampleSize, stratifyByRepository: stratify, ...(seed.trim() ? { seed: seed.trim() } : {}) } }
          : {}),
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <Stack gap="sm" data-testid="sample-panel">
      <Group gap="sm" align="flex-end">
        <Select
          label="Confidence"
          data={[
            { value: '0.9', label: '90%' },
            { value: '0.95', label: '95%' },
            { value: '0.99', label: '99%' },
          ]}
          value={confidence}
          onChange={(value) => setConfidence(value ?? '0.95')}
          allowDeselect={false}
          w={110}
        />
        <NumberInput
          label="Margin of error (±%)"
          value={margin}
          onChange={setMargin}
          min={0.5}
          max={50}
          step={0.5}
          decimalScale={1}
          w={170}
        />
        <Text size="sm" mb={8} data-testid="suggested-size">
          {suggested === null ? '' : `Suggested sample: ${plural(suggested, 'issue')} of ${population} (Cochran, finite population)`}
        </Text>
        {suggested !== null ? (
          <Button variant="light" onClick={() => setSize(suggested)} mb={2}>
            Use {suggested}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm" align="flex-end">
        <NumberInput
          label="Sample size"
          description="Empty: every matching issue"
          value={size}
          onChange={setSize}
          min={1}
          max={population}
          allowDecimal={false}
          w={160}
        />
        <TextInput
          label="Seed"
          description="Recorded; random when empty"
          value={seed}
          onChange={(e) => setSeed(e.currentTarget.value)}
          w={180}
        />
        <Checkbox
          label="Stratify by repository"
          checked={stratify}
          onChange={(e) => setStratify(e.currentTarget.checked)}
          mb={8}
          disabled={!sampleSize}
        />
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput label="Issue set name" required value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
        <Button onClick={save} loading={create.isPending} disabled={!name.trim() || population === 0}>
          {sampleSize ? `Save a sample of ${Math.min(sampleSize, population)}` : `Save all ${population}`}
        </Button>
      </Group>
      {create.isError ? <ErrorAlert error={create.error} title="Could not save the issue set" /> : null}
      {create.isSuccess ? (
        <Alert color="teal" title="Issue set saved">
          “{create.data.name}”: {plural(create.data.issues, 'issue')} of {create.data.population}
          {create.data.sample ? `, seed ${create.data.sample.seed}` : ''}. Draw a round from it on the Rounds page.
        </Alert>
      ) : null}
    </Stack>
  );
}
