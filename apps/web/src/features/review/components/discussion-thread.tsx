// The discussion on an issue under review: the messages (mentions highlighted) and a reply box.
// Opening the thread marks it read, which clears it from the header's unread count.
import { useEffect, useState } from 'react';
import { Button, Group, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDiscussion, useMarkRead, usePostMessage } from '../api/get-discussion.ts';
import classes from './review.module.css';

interface DiscussionThreadProps {
  projectId: string;
  stageId: string;
  issueId: string;
  anonymous: boolean;
}

/** The body with @handles of members in bold. */
function MessageBody({ body, handles }: { body: string; handles: Set<string> }) {
  const parts = body.split(/(@[\w.-]+)/g);
  return (
    <Text size="sm" className={classes.message}>
      {parts.map((part, index) =>
        part.startsWith('@') &&
        handles.has(
          part
            .slice(1)
            .toLowerCase()
            .replace(/[.-]+$/, ''),
        ) ? (
          <Text span fw={700} c="blue" key={index}>
            {part}
          </Text>
        ) : (
          part
        ),
      )}
    </Text>
  );
}

export function DiscussionThread({ projectId, stageId, issueId, anonymous }: DiscussionThreadProps) {
  const discussion = useDiscussion(projectId, stageId, issueId, anonymous);
  const post = usePostMessage(projectId, stageId, issueId);
  const markRead = useMarkRead(projectId, stageId, issueId);
  const [draft, setDraft] = useState('');
  const unread = discussion.data?.unread ?? 0;

  useEffect(() => {
    if (unread > 0) markRead.mutate();
    // Once per thread and count: marking read does not change what is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [issueId, unread]);

  function send() {
    const body = draft.trim();
    if (!body || post.isPending) return;
    post.mutate(body, { onSuccess: () => setDraft('') });
  }

  const handles = new Set(discussion.data?.mentionable.map((m) => m.handle) ?? []);
  return (
    <Stack gap="sm" component="section" aria-labelledby="discussion-heading">
      <Title order={2} fz="h4" id="discussion-heading">
        Discussion
      </Title>
      {discussion.isPending ? (
        <Skeleton h={60} />
      ) : discussion.isError ? (
        <ErrorAlert error={discussion.error} title="Could not load the discussion" />
      ) : discussion.data.messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          No messages yet. Ask the coders why they chose their codes; mention someone with @ and their handle.
        </Text>
      ) : (
        <Stack gap="xs" role="list" aria-label="Messages">
          {discussion.data.messages.map((message) => (
            <Paper key={message.id} withBorder p="sm" radius="md" role="listitem">
              <Group gap="xs" mb={4}>
                <Text size="sm" fw={600}>
                  {message.authorLabel}
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                </Text>
              </Group>
              <MessageBody body={message.body} handles={handles} />
            </Paper>
          ))}
        </Stack>
      )}
      <Textarea
        label="Reply"
        description={
          discussion.data
            ? `Mention with @handle: ${discussion.data.mentionable.map((m) => `@${m.handle} (${m.name})`).join(', ')}`
            : undefined
        }
        autosize
        minRows={2}
        maxRows={8}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.stopPropagation();
            send();
          }
        }}
      />
      {post.isError ? <ErrorAlert error={post.error} title="Not sent" /> : null}
      <Group justify="flex-end">
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={send} loading={post.isPending} disabled={!draft.trim()}>
          Send reply
        </Button>
      </Group>
    </Stack>
  );
}
