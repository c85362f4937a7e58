// An issue as on GitHub, shared by the coding and review screens: title, repository and number, state (and why it was
// closed), labels, author and their association, dates, a link to GitHub, then the body and the
// comments rendered from markdown. Long comments collapse behind "Show more".
import { memo, type ReactNode, type Ref } from 'react';
import { Badge, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconGitPullRequest, IconMessage } from '@tabler/icons-react';
import type { IssueDetail } from '@concord/contracts';
import { formatDate, formatDateTime, plural } from '../../../lib/format.ts';
import { IssueStateBadge } from './issue-state-badge.tsx';
import { MarkdownView } from '../../markdown/components/markdown-view.tsx';
import classes from './issue-view.module.css';
import { GitHubLink } from '../../markdown/components/github-link.tsx';

/** Comments taller than this collapse. */
const COMMENT_MAX_HEIGHT = 480;

/** GitHub's words for an author's relation to the repository; NONE says nothing. */
export function formatAssociation(association: string | null): string | null {
  if (!association || association === 'NONE') return null;
  const words = association.toLowerCase().replaceAll('_', ' ');
  return words === 'first time contributor' ? 'first-time contributor' : words;
}

const formatReason = (reason: string) => reason.toLowerCase().replaceAll('_', ' ');

type Comment = IssueDetail['comments'][number];

function CommentCard({
  author,
  association,
  createdAt,
  verb,
  children,
}: {
  author: string | null;
  association: string | null;
  createdAt: string;
  verb: string;
  children: ReactNode;
}) {
  const relation = formatAssociation(association);
  return (
    <Paper withBorder radius="md" component="article" aria-label={`${verb} by ${author ?? 'ghost'}`}>
      <Group gap="xs" px="md" py={8} className={classes.commentHeader} wrap="wrap">
        <Text size="sm" fw={600}>
          {/* GitHub shows deleted accounts as "ghost". */}
          {author ?? 'ghost'}
        </Text>
        <Text size="sm" c="dimmed">
          {verb} on <time dateTime={createdAt}>{formatDateTime(createdAt)}</time>
        </Text>
        {relation ? (
          <Badge size="sm" variant="outline" color="gray" tt="none" ml="auto">
            {relation}
          </Badge>
        ) : null}
      </Group>
      <div className={classes.commentBody}>{children}</div>
    </Paper>
  );
}

function CommentBody({ comment, baseUrl }: { comment: Comment; baseUrl: string }) {
  return (
    <Spoiler
      maxHeight={COMMENT_MAX_HEIGHT}
      showLabel="Show more"
      hideLabel="Show less"
      transitionDuration={0}
      className={classes.commentSpoiler}
    >
      {comment.body.trim() ? (
        <MarkdownView source={comment.body} baseUrl={baseUrl} />
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Empty comment.
        </Text>
      )}
    </Spoiler>
  );
}

/** `titleRef`: the h1, which takes the focus when the next issue appears. */
// Memoised: the coding panel beside it re-renders on every keystroke in the memo.
export const IssueView = memo(function IssueView({ issue, titleRef }: { issue: IssueDetail; titleRef?: Ref<HTMLHeadingElement> }) {
  const relation = formatAssociation(issue.authorAssociation);
  return (
    <Stack gap="md">
      <Stack gap={8}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" ff="monospace">
            {issue.repository}#{issue.number}
          </Text>
          {issue.isPullRequest ? (
            <Badge size="sm" variant="light" color="gray" tt="none" leftSection={<IconGitPullRequest size={12} aria-hidden />}>
              pull request
            </Badge>
          ) : null}
        </Group>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} ref={titleRef} tabIndex={-1} className={classes.issueTitle}>
          {issue.title}
        </Title>
        <Group gap="xs" wrap="wrap">
          <IssueStateBadge state={issue.state} />
          {issue.stateReason ? (
            <Badge variant="outline" color="gray" tt="none" size="sm">
              {formatReason(issue.stateReason)}
            </Badge>
          ) : null}
          <Text size="sm" c="dimmed">
            opened by{' '}
            <Text span fw={600} c="var(--mantine-color-text)">
              {issue.author ?? 'ghost'}
            </Text>
            {relation ? ` (${relation})` : ''} on <time dateTime={issue.createdAt}>{formatDate(issue.createdAt)}</time>
            {issue.closedAt ? (
              <>
                {' '}
                · closed on <time dateTime={issue.closedAt}>{formatDate(issue.closedAt)}</time>
              </>
            ) : null}
            {' · '}
            <IconMessage size={13} aria-hidden className={classes.inlineIcon} /> {plural(issue.comments.length, 'comment')}
          </Text>
        </Group>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap={4} aria-label="Labels" role="list">
            {issue.labels.map((label) => (
              <Badge key={label} role="listitem" variant="default" size="sm" tt="none">
                {label}
              </Badge>
            ))}
          </Group>
          <GitHubLink url={issue.url} size="sm">
            <Group component="span" gap={4} wrap="nowrap">
              Open on GitHub
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </GitHubLink>
        </Group>
      </Stack>

      <CommentCard author={issue.author} association={issue.authorAssociation} createdAt={issue.createdAt} verb="opened">
        {issue.body.trim() ? (
          <MarkdownView source={issue.body} baseUrl={issue.url} />
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            No description provided.
          </Text>
        )}
      </CommentCard>

      {issue.comments.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="issue-comments-heading">
          <Title order={2} fz="h5" id="issue-comments-heading">
            Comments ({issue.comments.length})
          </Title>
          {issue.comments.map((comment) => (
            <CommentCard
              key={comment.id}
              author={comment.author}
              association={comment.authorAssociation}
              createdAt={comment.createdAt}
              verb="commented"
            >
              <CommentBody comment={comment} baseUrl={issue.url} />
            </CommentCard>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
});
