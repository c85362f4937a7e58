// The review screen of one issue in one stage, walking the queue given by the URL's filters:
// deciding moves on to the next issue of that queue. Coders get it read-only once the round is closed.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconEyeOff, IconFileOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { CenteredLoader } from '../../components/ui/centered-loader.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { reviewIssueQueryOptions } from '../../features/review/api/get-review-issue.ts';
import { useReviewQueue } from '../../features/review/api/get-review-queue.ts';
import { ReviewSession } from '../../features/review/components/review-session.tsx';
import { filtersFrom, searchOf } from '../../features/review/components/review-search.ts';
import { useCurrentProject } from '../layouts/project-layout.tsx';

// The queue walked from the review screen: large enough for a session, small enough to load fast.
const WALK_SIZE = 500;

export function ReviewIssuePage() {
  const project = useCurrentProject();
  const { stageId = '', issueId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [anonymous, setAnonymous] = useState(false);
  const lead = project.role !== 'coder';
  // Toggling anonymity keeps the screen while the other view loads; another issue never shows the previous one.
  const detail = useQuery({
    ...reviewIssueQueryOptions(project.id, stageId, issueId, anonymous),
    placeholderData: (previous) => (previous?.issue.id === issueId ? previous : undefined),
  });
  const filters = filtersFrom(searchParams);
  const search = searchOf(filters);
  const queue = useReviewQueue(project.id, stageId, { ...filters, page: 1, pageSize: WALK_SIZE }, lead);
  const items = lead ? (queue.data?.items ?? []) : [];
  const index = items.findIndex((item) => item.issueId === issueId);
  const issue = detail.data?.issue;
  useDocumentTitle(
    issue ? `${issue.repository}#${issue.number} · Review · ${project.name} · Concord` : `Review · ${project.name} · Concord`,
  );

  const backHref = `/projects/${project.id}/review?stage=${stageId}${search.replace('?', '&')}`;
  const pathOf = (id: string) => `/projects/${project.id}/review/${stageId}/${id}${search}`;
  const next = index >= 0 ? items[index + 1] : undefined;
  const previous = index > 0 ? items[index - 1] : undefined;
  const back = (
    <Button component={Link} to={backHref} variant="light">
      Back to the review
    </Button>
  );

  if (detail.isPending) return <CenteredLoader label="Loading the issue" />;
  if (detail.isError) {
    if (isApiError(detail.error, 403)) {
      return (
        <StatusMessage icon={<IconEyeOff />} title="Not yet: the round is open" color="orange" actions={back}>
          Coding is blind: the codings, decisions and discussion of an issue are shown to coders once the rounds that drew it are closed.
        </StatusMessage>
      );
    }
    if (isApiError(detail.error, 404)) {
      return (
        <StatusMessage icon={<IconFileOff />} title="Not under review" color="gray" actions={back}>
          This issue was not drawn in any round of this stage.
        </StatusMessage>
      );
    }
    return <ErrorAlert error={detail.error} title="Could not load the issue" />;
  }

  return (
    <ReviewSession
      key={detail.data.issue.id}
      projectId={project.id}
      detail={detail.data}
      anonymous={anonymous}
      onAnonymousChange={setAnonymous}
      place={index >= 0 ? { index, total: queue.data?.total ?? items.length } : null}
      onNext={next ? () => navigate(pathOf(next.issueId)) : null}
      onPrevious={previous ? () => navigate(pathOf(previous.issueId)) : null}
      onDecided={() => {
        void queue.refetch();
        navigate(next ? pathOf(next.issueId) : backHref);
      }}
    />
  );
}
