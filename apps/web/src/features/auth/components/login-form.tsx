// Email and password sign-in; the API's own message ("Wrong email or password.") is shown as is.
import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import type { Me } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useLogin } from '../api/login.ts';

export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const loginMutation = useLogin();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password) return;
    loginMutation.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {loginMutation.error ? <ErrorAlert error={loginMutation.error} /> : null}
        <TextInput
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          // Both fields are obviously needed here; without the asterisk the label reads exactly "Email".
          withAsterisk={false}
          autoFocus
          value={email}
          error={submitted && !email.trim() ? 'Enter your email.' : null}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          withAsterisk={false}
          value={password}
          error={submitted && !password ? 'Enter your password.' : null}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" fullWidth loading={loginMutation.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
