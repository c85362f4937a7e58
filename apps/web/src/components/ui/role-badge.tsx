// A member's role as a coloured badge, the same colour for a role on every page.
import { Badge, type BadgeProps } from '@mantine/core';
import type { Role } from '@concord/contracts';

const ROLE_COLOR: Record<Role, string> = { owner: 'grape', lead: 'blue', coder: 'teal' };

export function RoleBadge({ role, ...props }: { role: Role } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" color={ROLE_COLOR[role]} {...props}>
      {role}
    </Badge>
  );
}
