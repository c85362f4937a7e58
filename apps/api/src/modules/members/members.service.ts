// Project membership: owners add people by email (creating an account with a one-time password
// when needed), change roles and remove members, but a project never loses its last owner.
import type { Prisma, PrismaClient, Role } from '@concord/db';
import type { AddedMember, AddMemberBody, Member } from '@concord/contracts';
import { conflict, notFound } from '../../plugins/errors.ts';
import { hashPassword, randomSecret } from '../../lib/secrets.ts';

type MemberRow = { userId: string; role: Role; createdAt: Date; user: { email: string; name: string } };

function toMember(row: MemberRow): Member {
  return { userId: row.userId, email: row.user.email, name: row.user.name, role: row.role, addedAt: row.createdAt.toISOString() };
}

async function assertAnotherOwnerRemains(tx: Prisma.TransactionClient, projectId: string, userId: string): Promise<void> {
  const otherOwners = await tx.member.count({ where: { projectId, role: 'owner', userId: { not: userId } } });
  if (otherOwners === 0) throw conflict('LAST_OWNER', 'A project needs at least one owner; make someone else owner first.');
}

export function createMembersService(prisma: PrismaClient) {
  const include = { user: { select: { email: true, name: true } } } as const;

  return {
    async list(projectId: string): Promise<Member[]> {
      const rows = await prisma.member.findMany({ where: { projectId }, include, orderBy: { user: { name: 'asc' } } });
      return rows.map(toMember);
    },

    async add(projectId: string, body: AddMemberBody): Promise<AddedMember> {
      const email = body.email.trim().toLowerCase();
      const temporaryPassword = randomSecret(12);
      const passwordHash = await hashPassword(temporaryPassword);
      // One transaction: an account created without its membership would never show its password.
      return prisma.$transaction(async (tx) => {
        const found = await tx.user.findUnique({ where: { email } });
        const user = found ?? (await tx.user.create({ data: { email, name: body.name?.trim() || email.split('@')[0]!, passwordHash } }));
        const existing = await tx.member.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
        if (existing) throw conflict('ALREADY_MEMBER', `${email} is already a member (${existing.role}).`);
        const row = await tx.member.create({ data: { projectId, userId: user.id, role: body.role }, include });
        return { member: toMember(row), ...(found ? {} : { temporaryPassword }) };
      });
    },

    async updateRole(projectId: string, userId: string, role: Role): Promise<Member> {
      return prisma.$transaction(
        async (tx) => {
          const current = await tx.member.findUnique({ where: { projectId_userId: { projectId, userId } } });
          if (!current) throw notFound('Member');
          if (current.role === 'owner' && role !== 'owner') await assertAnotherOwnerRemains(tx, projectId, userId);
          return toMember(await tx.member.update({ where: { projectId_userId: { projectId, userId } }, data: { role }, include }));
        },
        { isolationLevel: 'Serializable' },
      );
    },

    async remove(projectId: string, userId: string): Promise<void> {
      await prisma.$transaction(
        async (tx) => {
          const current = await tx.member.findUnique({ where: { projectId_userId: { projectId, userId } } });
          if (!current) throw notFound('Member');
          if (current.role === 'owner') await assertAnotherOwnerRemains(tx, projectId, userId);
          await tx.member.delete({ where: { projectId_userId: { projectId, userId } } });
        },
        { isolationLevel: 'Serializable' },
      );
    },
  };
}
