// The demo project seeded on the first start of an empty database: the reference study's shape
// (a Relevance stage, then a multi-label Challenges stage), 60 issues, an owner, a lead, 2 coders.
import type { PrismaClient } from '@concord/db';
import { hashPassword, randomSecret } from '../lib/secrets.ts';
import { refreshSearchVectors } from '../lib/issue-search.ts';
import { issueContentHash } from '../lib/issue-content.ts';
import { seedDemoCodings } from './demo-codings.ts';
import { seedDemoReviews } from './demo-reviews.ts';
import { generateDemoIssues } from './demo-issues.ts';

export interface DemoAccount {
  email: string;
  name: string;
  role: 'owner' | 'lead' | 'coder';
  password: string;
}

export const DEMO_PROJECT_SLUG = 'ptm-reuse-demo';
const DEMO_PASSWORD = 'concord-demo';

const CHALLENGE_THEMES: { name: string; definition: string; children?: string[] }[] = [
  {
    name: 'Model Usage',
    definition: 'Difficulties using a pre-trained model through its API: loading, configuring, calling it.',
    children: ['Model loading', 'API misuse'],
  },
  {
    name: 'Model Performance and Output Quality',
    definition: 'Unexpected accuracy, numerics, speed or output of the model.',
    children: ['Numerical differences', 'Slow inference'],
  },
  {
    name: 'Software Environment',
    definition: 'Dependencies, versions, platforms and export formats around the model.',
    children: ['Dependency conflicts', 'Export and conversion'],
  },
  { name: 'Developer Information and Documentation', definition: 'Missing, unclear or wrong documentation and model cards.' },
  { name: 'Hardware and Computation Resources', definition: 'Memory, GPU, accelerator and compute limits when running the model.' },
];

async function createStageWithCodebook(
  prisma: PrismaClient,
  projectId: string,
  stage: { name: string; position: number; mode: 'single' | 'multi' },
  codes: { name: string; definition: string; children?: string[] }[],
) {
  const created = await prisma.stage.create({ data: { projectId, ...stage, codebook: { create: {} } }, include: { codebook: true } });
  const codebookId = created.codebook!.id;
  const codeIds = new Map<string, string>();
  for (const [position, code] of codes.entries()) {
    const parent = await prisma.code.create({
      data: { codebookId, name: code.name, definition: code.definition, position, shortcut: String(position + 1) },
    });
    codeIds.set(code.name, parent.id);
    for (const [childPosition, child] of (code.children ?? []).entries()) {
      codeIds.set(
        child,
        (await prisma.code.create({ data: { codebookId, parentId: parent.id, name: child, position: childPosition } })).id,
      );
    }
  }
  return { id: created.id, codebookId, codes: codeIds };
}

/** Seeds the demo into an empty database and returns the accounts to print. */
export async function seedDemo(prisma: PrismaClient, { production }: { production: boolean }): Promise<DemoAccount[]> {
  // In production there is no default password: each demo account gets a random one.
  const password = () => (production ? randomSecret(12) : DEMO_PASSWORD);
  const accounts: DemoAccount[] = [
    { email: 'owner@demo.concord', name: 'Olivia Owner', role: 'owner', password: password() },
    { email: 'lead@demo.concord', name: 'Liam Lead', role: 'lead', password: password() },
    { email: 'coder1@demo.concord', name: 'Chloe Coder', role: 'coder', password: password() },
    { email: 'coder2@demo.concord', name: 'Carlos Coder', role: 'coder', password: password() },
  ];
  const passwordHashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  const project = await prisma.project.create({
    data: {
      slug: DEMO_PROJECT_SLUG,
      name: 'Challenges in reusing pre-trained models (demo)',
      description: 'A demo in the shape of the ICSME 2025 study: screen issues for relevance, then code the challenges.',
      members: {
        create: accounts.map((account, i) => ({
          role: account.role,
          user: { create: { email: account.email, name: account.name, passwordHash: passwordHashes[i]! } },
        })),
      },
    },
  });

  const relevance = await createStageWithCodebook(prisma, project.id, { name: 'Relevance', position: 0, mode: 'single' }, [
    { name: 'PTM-related', definition: 'The issue is about reusing a pre-trained model in downstream software.' },
    { name: 'Not PTM-related', definition: 'Anything else: build problems of the library itself, questions unrelated to models, spam.' },
  ]);
  const challenges = await createStageWithCodebook(
    prisma,
    project.id,
    { name: 'Challenges', position: 1, mode: 'multi' },
    CHALLENGE_THEMES,
  );
  await prisma.stage.update({
    where: { id: challenges.id },
    data: { inputStageId: relevance.id, inputCodeId: relevance.codes.get('PTM-related')! },
  });

  const issues = generateDemoIssues();
  const repositoryIds = new Map<string, string>();
  for (const fullName of new Set(issues.map((i) => i.repository))) {
    const [owner, name] = fullName.split('/') as [string, string];
    repositoryIds.set(
      fullName,
      (await prisma.repository.create({ data: { projectId: project.id, owner, name, lastSyncedAt: new Date() } })).id,
    );
  }
  const createdIssues: { id: string; demo: (typeof issues)[number] }[] = [];
  for (const [index, issue] of issues.entries()) {
    const lastActivity = issue.comments.at(-1)?.createdAt ?? issue.createdAt;
    const created = await prisma.issue.create({
      data: {
        projectId: project.id,
        repositoryId: repositoryIds.get(issue.repository)!,
        githubNodeId: `I_demo_${index}`,
        number: issue.number,
        title: issue.title,
        body: issue.body,
        state: issue.state,
        stateReason: issue.stateReason,
        authorLogin: issue.author,
        authorAssociation: issue.association,
        createdAt: issue.createdAt,
        updatedAt: issue.closedAt && issue.closedAt > lastActivity ? issue.closedAt : lastActivity,
        closedAt: issue.closedAt,
        url: `https://github.com/${issue.repository}/issues/${issue.number}`,
        labels: issue.labels,
        reactionsCount: issue.reactions,
        contentHash: issueContentHash(issue),
        comments: {
          create: issue.comments.map((comment, c) => ({
            githubNodeId: `IC_demo_${index}_${c}`,
            authorLogin: comment.author,
            authorAssociation: comment.association,
            body: comment.body,
            createdAt: comment.createdAt,
            updatedAt: comment.createdAt,
          })),
        },
      },
    });
    createdIssues.push({ id: created.id, demo: issue });
  }
  await refreshSearchVectors((sql, params) => prisma.$executeRawUnsafe(sql, ...params), { projectId: project.id });

  const users = await prisma.user.findMany({ where: { email: { in: accounts.map((a) => a.email) } } });
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  await seedDemoCodings(prisma, {
    relevance,
    challenges,
    issues: createdIssues,
    coderIds: [userId('coder1@demo.concord'), userId('coder2@demo.concord')],
    refinedBy: userId('lead@demo.concord'),
  });
  await seedDemoReviews(prisma, {
    stageIds: { relevance: relevance.id, challenges: challenges.id },
    codes: { relevance: relevance.codes, challenges: challenges.codes },
    issues: createdIssues,
    leadId: userId('lead@demo.concord'),
    coderIds: [userId('coder1@demo.concord'), userId('coder2@demo.concord')],
  });
  return accounts;
}
