// The editable fields of a code (name, definition, criteria, colour, shortcut) for leads. Saving
// sends only what changed; the form starts again from the server's values when they change.
import { useState, type FormEvent } from 'react';
import { Button, ColorInput, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { CodebookCode, UpdateCodeBody } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useUpdateCode } from '../api/update-code.ts';

const COLOR = /^#[0-9A-Fa-f]{6}$/;

export const CODE_SWATCHES = ['#4C6EF5', '#7950F2', '#BE4BDB', '#E64980', '#FA5252', '#FD7E14', '#FAB005', '#40C057', '#12B886', '#15AABF'];

interface Fields {
  name: string;
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  color: string;
  shortcut: string;
}

const fieldsOf = (code: CodebookCode): Fields => ({
  name: code.name,
  definition: code.definition,
  includeCriteria: code.includeCriteria,
  excludeCriteria: code.excludeCriteria,
  color: code.color ?? '',
  shortcut: code.shortcut ?? '',
});

export function CodeForm({ projectId, stageId, code }: { projectId: string; stageId: string; code: CodebookCode }) {
  const initial = fieldsOf(code);
  const [fields, setFields] = useState<Fields>(initial);
  const [submitted, setSubmitted] = useState(false);
  const update = useUpdateCode(projectId, stageId);

  const set = (field: keyof Fields) => (value: string) => setFields((current) => ({ ...current, [field]: value }));
  const nameError = submitted && !fields.name.trim() ? 'A code needs a name.' : null;
  const colorError = fields.color && !COLOR.test(fields.color) ? 'Use the #RRGGBB form.' : null;
  const shortcutError = /\s/.test(fields.shortcut) ? 'No spaces in a shortcut.' : null;

  const body: UpdateCodeBody = {};
  if (fields.name.trim() !== initial.name) body.name = fields.name.trim();
  if (fields.definition !== initial.definition) body.definition = fields.definition;
  if (fields.includeCriteria !== initial.includeCriteria) body.includeCriteria = fields.includeCriteria;
  if (fields.excludeCriteria !== initial.excludeCriteria) body.excludeCriteria = fields.excludeCriteria;
  if (fields.color !== initial.color) body.color = fields.color ? fields.color.toUpperCase() : null;
  if (fields.shortcut.trim() !== initial.shortcut) body.shortcut = fields.shortcut.trim() || null;
  const dirty = Object.keys(body).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!fields.name.trim() || colorError || shortcutError || !dirty) return;
    update.mutate(
      { codeId: code.id, body },
      { onSuccess: (saved) => notifications.show({ color: 'teal', title: 'Code saved', message: `“${saved.name}” is saved.` }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Edit code">
      <Stack gap="sm">
        {update.error ? <ErrorAlert error={update.error} onClose={() => update.reset()} /> : null}
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={fields.name}
          error={nameError}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <Textarea
          label="Definition"
          description="What the code means, in a sentence or two"
          autosize
          minRows={2}
          maxRows={8}
          value={fields.definition}
          onChange={(e) => set('definition')(e.currentTarget.value)}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label="Include when"
              autosize
              minRows={2}
              maxRows={6}
              value={fields.includeCriteria}
              onChange={(e) => set('includeCriteria')(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label="Exclude when"
              autosize
              minRows={2}
              maxRows={6}
              value={fields.excludeCriteria}
              onChange={(e) => set('excludeCriteria')(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ColorInput
              label="Colour"
              format="hex"
              swatches={CODE_SWATCHES}
              value={fields.color}
              error={colorError}
              onChange={set('color')}
              placeholder="None"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Keyboard shortcut"
              description="Used on the coding screen; unique in this codebook"
              maxLength={16}
              value={fields.shortcut}
              error={shortcutError}
              onChange={(e) => set('shortcut')(e.currentTarget.value)}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!dirty || update.isPending} onClick={() => setFields(initial)}>
            Discard changes
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={update.isPending} disabled={!dirty}>
            Save code
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
