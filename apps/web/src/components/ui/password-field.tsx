// A password input with a show / hide toggle. The toggle's label deliberately avoids the word
// "password", so that the field's label names exactly one control (screen readers, getByLabel).
import { PasswordInput, type PasswordInputProps } from '@mantine/core';

export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }} {...props} />;
}
