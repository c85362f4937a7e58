// The issue on the coding screen, and, when a later import changed it after the coder coded it,
// a notice with a switch between the current text and the version the coder coded.
import { useState, type Ref } from 'react';
import { Alert, Button } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { IssueDetail, IssueVersion } from '@concord/contracts';
import { IssueView } from '../../issues/components/issue-view.tsx';

/** The current issue with its text replaced by the coded version's (labels, state etc. stay). */
export function issueAtVersion(issue: IssueDetail, version: IssueVersion): IssueDetail {
  return {
    ...issue,
    title: version.title,
    body: version.body,
    contentVersion: version.contentVersion,
    comments: version.comments.map((comment, i) => ({
      id: `v${version.contentVersion}-${i}`,
      author: comment.author,
      authorAssociation: null,
      body: comment.body,
      createdAt: comment.createdAt,
    })),
  };
}

interface IssueVersionsProps {
  issue: IssueDetail;
  codedVersion: IssueVersion | null;
  titleRef?: Ref<HTMLHeadingElement>;
}

export function IssueVersions({ issue, codedVersion, titleRef }: IssueVersionsProps) {
  const [showCoded, setShowCoded] = useState(false);
  const shown = showCoded && codedVersion ? issueAtVersion(issue, codedVersion) : issue;
  return (
    <>
      {codedVersion ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconHistory aria-hidden />}
          mb="md"
          title="Changed since you coded it"
          data-testid="changed-since-coded"
        >
          A later import changed this issue’s text (version {codedVersion.contentVersion} → {issue.contentVersion}).{' '}
          {showCoded ? 'You are reading the version you coded.' : 'You are reading the current version.'}{' '}
          <Button size="compact-xs" variant="light" color="orange" onClick={() => setShowCoded((value) => !value)}>
            {showCoded ? 'Show the current version' : 'Show the version I coded'}
          </Button>
        </Alert>
      ) : null}
      <IssueView issue={shown} titleRef={titleRef} />
    </>
  );
}
