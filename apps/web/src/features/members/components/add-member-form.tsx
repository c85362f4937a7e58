// Adding a member by email with a role. When the API had to create the account, its temporary
// password is shown here once, to hand to the person.
import { useState, type FormEvent } from 'react';
import { Button, Grid, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import type { AddedMember, Role } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { SecretReveal } from '../../../components/ui/secret-reveal.tsx';
import { useAddMember } from '../api/add-member.ts';
import { isRole, ROLE_OPTIONS } from './role-options.ts';

const EMAIL_PATTERN = /^\S+@\S+\.\S+$/;

export function AddMemberForm({ projectId }: { projectId: string }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('coder');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<AddedMember | null>(null);
  const addMember = useAddMember(projectId);

  const emailError = submitted && !EMAIL_PATTERN.test(email.trim()) ? 'Enter an email address.' : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!EMAIL_PATTERN.test(email.trim())) return;
    setCreated(null);
    addMember.mutate(
      { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: (result) => {
          setEmail('');
          setName('');
          setRole('coder');
          setSubmitted(false);
          if (result.temporaryPassword) {
            setCreated(result);
          } else {
            notifications.show({
              color: 'teal',
              title: 'Member added',
              message: `${result.member.name} already had an account and is now ${result.member.role} in this project.`,
            });
          }
        },
      },
    );
  }

  return (
    <Stack gap="md">
      {created?.temporaryPassword ? (
        <SecretReveal
          title={`Account created for ${created.member.name}`}
          label="Temporary password"
          secret={created.temporaryPassword}
          onDone={() => setCreated(null)}
        >
          {`${created.member.email} is now ${created.member.role} in this project. Give them this temporary password through a private channel so they can sign in.`}
        </SecretReveal>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Add member">
        <Stack gap="md">
          {addMember.error ? <ErrorAlert error={addMember.error} onClose={() => addMember.reset()} /> : null}
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <TextInput
                label="Email"
                type="email"
                required
                value={email}
                error={emailError}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <TextInput
                label="Name"
                description="Used only when a new account is created"
                maxLength={120}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <NativeSelect
                label="Role"
                data={ROLE_OPTIONS}
                value={role}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isRole(value)) setRole(value);
                }}
              />
            </Grid.Col>
          </Grid>
          <div>
            <Button type="submit" leftSection={<IconUserPlus size={16} aria-hidden />} loading={addMember.isPending}>
              Add member
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
