// First-run setup: the first owner account of an empty instance (password of 10+ characters).
import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useSetup } from '../api/setup.ts';

const MIN_PASSWORD = 10;

export function SetupForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [touched, setTouched] = useState(false);
  const setupMutation = useSetup();

  const passwordError = touched && password.length < MIN_PASSWORD ? `Use at least ${MIN_PASSWORD} characters.` : null;
  const confirmationError = touched && confirmation !== password ? 'The passwords differ.' : null;
  const emailError = touched && !/^\S+@\S+\.\S+$/.test(email.trim()) ? 'Enter an email address.' : null;
  const nameError = touched && !name.trim() ? 'Enter your name.' : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (password.length < MIN_PASSWORD || confirmation !== password || !name.trim() || !/^\S+@\S+\.\S+$/.test(email.trim())) return;
    setupMutation.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {setupMutation.error ? <ErrorAlert error={setupMutation.error} /> : null}
        <TextInput
          label="Name"
          autoComplete="name"
          required
          autoFocus
          value={name}
          error={nameError}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          error={emailError}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordField
          label="Password"
          description={`At least ${MIN_PASSWORD} characters`}
          autoComplete="new-password"
          required
          value={password}
          error={passwordError}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PasswordField
          label="Repeat password"
          autoComplete="new-password"
          required
          value={confirmation}
          error={confirmationError}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
        />
        <Button type="submit" fullWidth loading={setupMutation.isPending}>
          Create owner account
        </Button>
      </Stack>
    </form>
  );
}
