// The "New project" dialog: name, optional slug (derived by the API when empty) and description.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import type { ProjectSummary } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useCreateProject } from '../api/create-project.ts';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface CreateProjectModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (project: ProjectSummary) => void;
}

export function CreateProjectModal({ opened, onClose, onCreated }: CreateProjectModalProps) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const createProject = useCreateProject();

  const nameError = submitted && !name.trim() ? 'Give the project a name.' : null;
  const slugError = slug && !SLUG_PATTERN.test(slug) ? 'Lowercase letters, digits and single hyphens, e.g. ptm-reuse.' : null;

  function close() {
    setName('');
    setSlug('');
    setDescription('');
    setSubmitted(false);
    createProject.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || slugError) return;
    createProject.mutate(
      { name: name.trim(), ...(slug ? { slug } : {}), ...(description.trim() ? { description: description.trim() } : {}) },
      {
        onSuccess: (project) => {
          close();
          onCreated(project);
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title="New project" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {createProject.error ? <ErrorAlert error={createProject.error} /> : null}
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={120}
            value={name}
            error={nameError}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label="Slug"
            description="Optional short identifier for URLs and exports; made from the name when empty."
            maxLength={60}
            value={slug}
            error={slugError}
            onChange={(e) => setSlug(e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            description="Optional: the research question, the sample, anything the team should know."
            autosize
            minRows={3}
            maxRows={8}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={createProject.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={createProject.isPending}>
              Create project
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
