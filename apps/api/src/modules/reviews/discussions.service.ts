// The discussion thread on an issue under review: messages with @handle mentions of project
// members, read state per user, and the caller's unread count across the project. Coders take part
// once the rounds that drew the issue are closed; leads and owners at any time.
import type { PrismaClient, Role } from '@concord/db';
import type pg from 'pg';
import type { Discussion, DiscussionMessage, Mentionable, UnreadDiscussions } from '@concord/contracts';
import { notFound } from '../../plugins/errors.ts';
import { unblindedSql } from '../../lib/blind-coding.ts';
import { assertUnblinded, roundsOfIssue } from './review-access.ts';
import { coderLetters } from './review-data.ts';

/** A member's handle for mentions: the part of their email before the @. */
const handleOf = (email: string) => email.split('@')[0]!.toLowerCase();
const MENTION = /(^|[^\w.])@([\w.-]+)/g;

export function mentionedIds(body: string, members: Mentionable[]): string[] {
  const byHandle = new Map(members.map((m) => [m.handle, m.id]));
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    // A sentence may end right after the handle: "thanks @coder1."
    const id = byHandle.get(match[2]!.toLowerCase().replace(/[.-]+$/, ''));
    if (id) ids.add(id);
  }
  return [...ids];
}

export function createDiscussionsService(prisma: PrismaClient, pool: pg.Pool) {
  async function members(projectId: string): Promise<Mentionable[]> {
    const rows = await prisma.member.findMany({
      where: { projectId },
      select: { user: { select: { id: true, name: true, email: true } } },
    });
    return rows
      .map(({ user }) => ({ id: user.id, name: user.name, handle: handleOf(user.email) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function openThread(projectId: string, stageId: string, issueId: string, role: Role) {
    const stage = await prisma.stage.findFirst({ where: { id: stageId, projectId }, select: { id: true } });
    if (!stage) throw notFound('Stage');
    assertUnblinded(await roundsOfIssue(prisma, stageId, issueId), role);
  }

  async function markRead(userId: string, stageId: string, issueId: string, readAt: Date) {
    await prisma.discussionRead.upsert({
      where: { userId_stageId_issueId: { userId, stageId, issueId } },
      create: { userId, stageId, issueId, readAt },
      update: { readAt },
    });
  }

  return {
    async thread(
      projectId: string,
      stageId: string,
      issueId: string,
      viewer: { userId: string; role: Role },
      anonymous: boolean,
    ): Promise<Discussion> {
      await openThread(projectId, stageId, issueId, viewer.role);
      const [rows, read, mentionable, coders] = await Promise.all([
        prisma.discussionMessage.findMany({
          where: { stageId, issueId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: { author: { select: { id: true, name: true } } },
        }),
        prisma.discussionRead.findUnique({ where: { userId_stageId_issueId: { userId: viewer.userId, stageId, issueId } } }),
        members(projectId),
        prisma.assignment.findMany({ where: { issueId, round: { stageId } }, select: { coderId: true } }),
      ]);
      // Anonymised, the issue's coders appear under the letters of the review screen.
      const letters = anonymous ? coderLetters(coders.map((c) => c.coderId)) : new Map<string, string>();
      const nameOf = new Map(mentionable.map((m) => [m.id, m.name]));
      const messages: DiscussionMessage[] = rows.map((row) => {
        const letter = row.authorId ? letters.get(row.authorId) : undefined;
        return {
          id: row.id,
          author: letter ? null : row.author,
          authorLabel: letter ? `Coder ${letter}` : (row.author?.name ?? 'former member'),
          body: row.body,
          mentions: row.mentionIds.flatMap((id) => (nameOf.has(id) ? [{ id, name: nameOf.get(id)! }] : [])),
          createdAt: row.createdAt.toISOString(),
        };
      });
      const unread = rows.filter((row) => row.authorId !== viewer.userId && (!read || row.createdAt > read.readAt)).length;
      return { messages, mentionable, unread };
    },

    async post(
      projectId: string,
      stageId: string,
      issueId: string,
      viewer: { userId: string; role: Role },
      body: string,
    ): Promise<DiscussionMessage> {
      await openThread(projectId, stageId, issueId, viewer.role);
      const text = body.trim();
      const mentionIds = mentionedIds(text, await members(projectId));
      const row = await prisma.discussionMessage.create({
        data: { stageId, issueId, authorId: viewer.userId, body: text, mentionIds },
        include: { author: { select: { id: true, name: true } } },
      });
      await markRead(viewer.userId, stageId, issueId, row.createdAt);
      const mentioned = await prisma.user.findMany({ where: { id: { in: mentionIds } }, select: { id: true, name: true } });
      return {
        id: row.id,
        author: row.author,
        authorLabel: row.author?.name ?? 'former member',
        body: row.body,
        mentions: mentioned,
        createdAt: row.createdAt.toISOString(),
      };
    },

    async read(projectId: string, stageId: string, issueId: string, viewer: { userId: string; role: Role }): Promise<void> {
      await openThread(projectId, stageId, issueId, viewer.role);
      await markRead(viewer.userId, stageId, issueId, new Date());
    },

    /**
     * Threads with messages by others that I have not read: every thread for leads and owners; for
     * coders the unblinded threads of issues they coded, wrote in or were mentioned in.
     */
    async unread(projectId: string, viewer: { userId: string; role: Role }): Promise<UnreadDiscussions> {
      const coderScope =
        viewer.role === 'coder'
          ? `AND ${unblindedSql('m."issueId"', 'm."stageId"')}
             AND (EXISTS (SELECT 1 FROM "Assignment" ma JOIN "Round" mr ON mr.id = ma."roundId"
                          WHERE mr."stageId" = m."stageId" AND ma."issueId" = m."issueId" AND ma."coderId" = $2)
                  OR EXISTS (SELECT 1 FROM "DiscussionMessage" mm
                             WHERE mm."stageId" = m."stageId" AND mm."issueId" = m."issueId" AND (mm."authorId" = $2 OR $2 = ANY(mm."mentionIds"))))`
          : '';
      const { rows } = await pool.query<{
        stageId: string;
        stageName: string;
        issueId: string;
        owner: string;
        repo: string;
        number: number;
        title: string;
        unread: number;
        lastMs: number;
      }>({
        text: `SELECT m."stageId", s.name AS "stageName", m."issueId", rp.owner, rp.name AS repo, i.number, i.title,
                      count(*)::int AS unread, (extract(epoch FROM max(m."createdAt")) * 1000)::float8 AS "lastMs"
               FROM "DiscussionMessage" m
               JOIN "Stage" s ON s.id = m."stageId"
               JOIN "Issue" i ON i.id = m."issueId"
               JOIN "Repository" rp ON rp.id = i."repositoryId"
               LEFT JOIN "DiscussionRead" rd ON rd."userId" = $2 AND rd."stageId" = m."stageId" AND rd."issueId" = m."issueId"
               WHERE s."projectId" = $1 AND m."authorId" IS DISTINCT FROM $2 AND (rd."readAt" IS NULL OR m."createdAt" > rd."readAt")
               ${coderScope}
               GROUP BY m."stageId", s.name, m."issueId", rp.owner, rp.name, i.number, i.title
               ORDER BY max(m."createdAt") DESC`,
        values: [projectId, viewer.userId],
      });
      return {
        total: rows.reduce((sum, row) => sum + row.unread, 0),
        threads: rows.map((row) => ({
          stageId: row.stageId,
          stageName: row.stageName,
          issueId: row.issueId,
          repository: `${row.owner}/${row.repo}`,
          number: row.number,
          title: row.title,
          unread: row.unread,
          lastMessageAt: new Date(row.lastMs).toISOString(),
        })),
      };
    },
  };
}

export type DiscussionsService = ReturnType<typeof createDiscussionsService>;
