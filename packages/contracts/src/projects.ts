// Projects and their members.
import { Type, type Static } from 'typebox';
import { Id, IsoDate, Role } from './common.ts';
import { Email } from './auth.ts';

export const ProjectSummary = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  role: Role,
  createdAt: IsoDate,
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ProjectCounts = Type.Object({
  repositories: Type.Integer(),
  issues: Type.Integer(),
  stages: Type.Integer(),
  members: Type.Integer(),
});

export const StageSummary = Type.Object({
  id: Id,
  name: Type.String(),
  position: Type.Integer(),
  mode: Type.Union([Type.Literal('single'), Type.Literal('multi')]),
  codes: Type.Integer({ description: 'Codes in its codebook, retired ones excluded' }),
});
export type StageSummary = Static<typeof StageSummary>;

export const ProjectDetail = Type.Object({
  ...ProjectSummary.properties,
  counts: ProjectCounts,
  stages: Type.Array(StageSummary),
});
export type ProjectDetail = Static<typeof ProjectDetail>;

export const CreateProjectBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 60 })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateProjectBody = Static<typeof CreateProjectBody>;

export const Member = Type.Object({
  userId: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  addedAt: IsoDate,
});
export type Member = Static<typeof Member>;

export const AddMemberBody = Type.Object({
  email: Email,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  role: Role,
});
export type AddMemberBody = Static<typeof AddMemberBody>;

export const AddedMember = Type.Object({
  member: Member,
  temporaryPassword: Type.Optional(
    Type.String({ description: 'Only when a new account was created: give it to the person, it is shown once' }),
  ),
});
export type AddedMember = Static<typeof AddedMember>;

export const UpdateMemberBody = Type.Object({ role: Role });
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const MemberParams = Type.Object({ projectId: Id, userId: Id });
