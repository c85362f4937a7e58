// The header's unread count of discussion threads in the current project, with a menu that
// opens each thread on the review screen.
import { Link } from 'react-router';
import { ActionIcon, Badge, Group, Indicator, Menu, Text, Tooltip } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useUnread } from '../api/get-unread.ts';

export function UnreadIndicator({ projectId }: { projectId: string }) {
  const unread = useUnread(projectId);
  const total = unread.data?.total ?? 0;
  const label = total ? `${total} unread discussion message${total === 1 ? '' : 's'}` : 'No unread discussion messages';
  return (
    <Menu position="bottom-end" width={340} withArrow>
      <Menu.Target>
        <Tooltip label={label} withArrow>
          <Indicator label={total} size={16} disabled={!total} offset={4} data-testid="unread-count">
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label}>
              <IconMessages size={18} aria-hidden />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Discussions</Menu.Label>
        {unread.data?.threads.length ? (
          unread.data.threads.map((thread) => (
            <Menu.Item
              key={`${thread.stageId}-${thread.issueId}`}
              component={Link}
              to={`/projects/${projectId}/review/${thread.stageId}/${thread.issueId}`}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" fw={600} truncate>
                  {thread.repository}#{thread.number}
                </Text>
                <Badge size="sm" variant="filled" style={{ flexShrink: 0 }}>
                  {thread.unread} new
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {thread.stageName}: {thread.title}
              </Text>
            </Menu.Item>
          ))
        ) : (
          <Text size="sm" c="dimmed" px="sm" py="xs">
            You are all caught up.
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
