// The Concord mark and name, used in the header and on the sign-in screens.
import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';

export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={size === 'lg' ? 40 : 30}
        radius="md"
        variant="gradient"
        gradient={{ from: 'indigo', to: 'violet', deg: 135 }}
        aria-hidden
      >
        <IconChecklist size={size === 'lg' ? 24 : 18} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 24 : 18} lh={1}>
        Concord
      </Text>
    </Group>
  );
}
