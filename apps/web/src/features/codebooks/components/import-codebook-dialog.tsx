// Importing a codebook file: Concord JSON or a REFI-QDA .qdc from NVivo, ATLAS.ti or MAXQDA.
// An empty codebook becomes the file; otherwise the codes are appended where the lead chooses.
import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, Modal, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import type { CodebookCode, CodebookFormat } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { plural } from '../../../lib/format.ts';
import { importProblems, useImportCodebook } from '../api/import-codebook.ts';
import { ImportProblems } from './import-problems.tsx';
import { codeOptions } from './tree-model.ts';

const TOP_LEVEL = '';
const MAX_BYTES = 900_000;

export const formatOfFile = (name: string): CodebookFormat => (/\.(qdc|xml)$/i.test(name) ? 'qdc' : 'json');

interface ImportCodebookDialogProps {
  projectId: string;
  stageId: string;
  codes: CodebookCode[];
  /** Suggested place to append under. */
  selectedId: string | null;
  onClose: () => void;
}

export function ImportCodebookDialog({ projectId, stageId, codes, selectedId, onClose }: ImportCodebookDialogProps) {
  const importing = useImportCodebook(projectId, stageId);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<CodebookFormat>('json');
  const selected = codes.find((code) => code.id === selectedId && !code.retired);
  const [parentId, setParentId] = useState<string>(selected?.id ?? TOP_LEVEL);
  const [readError, setReadError] = useState<string | null>(null);
  const empty = codes.length === 0;
  const problems = importProblems(importing.error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    setReadError(null);
    if (file.size > MAX_BYTES) {
      setReadError(`The file is ${Math.round(file.size / 1000)} kB; codebook files up to ${MAX_BYTES / 1000} kB can be imported.`);
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      setReadError(`The file could not be read: ${errorMessage(error)}`);
      return;
    }
    importing.mutate(
      { format, content, ...(empty ? {} : { parentId: parentId || null }) },
      {
        onSuccess: (result) => {
          notifications.show({
            color: result.warnings.length ? 'yellow' : 'teal',
            title: `Imported ${plural(result.imported, 'code')}`,
            message: result.warnings.length ? result.warnings.join(' ') : `From ${file.name}.`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title="Import a codebook file" centered size="lg">
      <form onSubmit={(event) => void submit(event)} aria-label="Import a codebook file">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A Concord JSON codebook, or a REFI-QDA codebook (.qdc) exported from NVivo, ATLAS.ti or MAXQDA. The import is all or nothing: a
            file with problems changes nothing and lists them.
          </Text>
          <FileInput
            label="File"
            placeholder="Choose a .json or .qdc file"
            accept=".json,.qdc,.xml,application/json,application/xml,text/xml"
            required
            clearable
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              if (chosen) setFormat(formatOfFile(chosen.name));
              importing.reset();
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="import-format-label">
              Format
            </Text>
            <SegmentedControl
              aria-labelledby="import-format-label"
              value={format}
              onChange={(value) => setFormat(value === 'qdc' ? 'qdc' : 'json')}
              data={[
                { value: 'json', label: 'Concord JSON' },
                { value: 'qdc', label: 'REFI-QDA (.qdc)' },
              ]}
            />
          </Stack>
          {empty ? (
            <Text size="sm">This codebook is empty: the file becomes its codes.</Text>
          ) : (
            <NativeSelect
              label="Add the imported codes"
              data={[
                { value: TOP_LEVEL, label: 'At the top level' },
                ...codeOptions(codes).map((option) => ({ value: option.value, label: `Under ${option.label}` })),
              ]}
              value={parentId}
              onChange={(event) => setParentId(event.currentTarget.value)}
            />
          )}
          {readError ? <ErrorAlert error={new Error(readError)} /> : null}
          {problems.length > 0 ? (
            <ImportProblems message={errorMessage(importing.error)} problems={problems} />
          ) : importing.error ? (
            <ErrorAlert error={importing.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconFileImport size={16} aria-hidden />} loading={importing.isPending} disabled={!file}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
