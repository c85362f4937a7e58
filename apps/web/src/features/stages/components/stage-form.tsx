// A stage's settings as a form, for creating one or changing it: name, single choice or
// multi-label, whether codes with sub-codes may be applied, and the optional input (only issues
// whose final label in an earlier stage contains a given code).
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { CreateStageBody, Stage, StageMode } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useCodebook } from '../../codebooks/api/get-codebook.ts';
import { codeOptions } from '../../codebooks/components/tree-model.ts';

const ALL_ISSUES = '';

interface StageFormProps {
  projectId: string;
  /** The stages that come before this one: the possible inputs. */
  earlierStages: Stage[];
  initial?: Stage;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (
    body: Required<Pick<CreateStageBody, 'name' | 'mode' | 'parentCodesCodable'>> & {
      inputStageId: string | null;
      inputCodeId: string | null;
    },
  ) => void;
  onCancel: () => void;
}

export function StageForm({ projectId, earlierStages, initial, submitLabel, pending, error, onSubmit, onCancel }: StageFormProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [mode, setMode] = useState<StageMode>(initial?.mode ?? 'multi');
  const [parentCodesCodable, setParentCodesCodable] = useState(initial?.parentCodesCodable ?? false);
  const [inputStageId, setInputStageId] = useState(initial?.input?.stageId ?? ALL_ISSUES);
  const [inputCodeId, setInputCodeId] = useState(initial?.input?.codeId ?? '');
  const [submitted, setSubmitted] = useState(false);
  const inputCodebook = useCodebook(projectId, inputStageId || null);
  const inputCodes = inputCodebook.data ? codeOptions(inputCodebook.data.codes) : [];

  const nameError = submitted && !name.trim() ? 'A stage needs a name.' : null;
  const inputError = submitted && inputStageId && !inputCodeId ? 'Choose the code the final label must contain.' : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || (inputStageId && !inputCodeId)) return;
    onSubmit({
      name: name.trim(),
      mode,
      parentCodesCodable,
      inputStageId: inputStageId || null,
      inputCodeId: inputStageId ? inputCodeId : null,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        {error ? <ErrorAlert error={error} /> : null}
        <TextInput
          label="Name"
          required
          maxLength={120}
          placeholder="e.g. Challenges"
          data-autofocus
          value={name}
          error={nameError}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="stage-mode-label">
            Coders choose
          </Text>
          <SegmentedControl
            aria-labelledby="stage-mode-label"
            value={mode}
            onChange={(value) => setMode(value === 'single' ? 'single' : 'multi')}
            data={[
              { value: 'single', label: 'One code (single choice)' },
              { value: 'multi', label: 'Any number of codes (multi-label)' },
            ]}
          />
        </Stack>
        <Switch
          label="Codes with sub-codes can be applied too"
          description="Off: only the leaves of the tree are applied, themes group them"
          checked={parentCodesCodable}
          onChange={(event) => setParentCodesCodable(event.currentTarget.checked)}
        />
        <NativeSelect
          label="Issues to code"
          data={[
            { value: ALL_ISSUES, label: 'All issues of the project' },
            ...earlierStages.map((stage) => ({ value: stage.id, label: `Only those an earlier stage marks: ${stage.name}` })),
          ]}
          value={inputStageId}
          onChange={(event) => {
            setInputStageId(event.currentTarget.value);
            setInputCodeId('');
          }}
        />
        {inputStageId ? (
          <NativeSelect
            label="Whose final label contains"
            data={[
              {
                value: '',
                label: inputCodebook.isPending ? 'Loading…' : inputCodes.length ? 'Choose a code…' : 'That stage has no codes yet',
              },
              ...inputCodes,
            ]}
            value={inputCodeId}
            error={inputError}
            onChange={(event) => setInputCodeId(event.currentTarget.value)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
