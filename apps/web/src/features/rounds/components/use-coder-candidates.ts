// Whom a new round can be given to. Owners pick from the project's members (GET /members is
// theirs alone); leads, and owners whose member list is refused, pick from the coders of the
// rounds already drawn in the project's stages, since the API lists members to owners only.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ComboboxData, ComboboxItem } from '@mantine/core';
import type { Role } from '@concord/contracts';
import { isApiError } from '../../../lib/api-client.ts';
import { membersQueryOptions } from '../../members/api/get-members.ts';
import { roundsQueryOptions } from '../api/get-rounds.ts';

export interface CoderCandidates {
  /** 'members': everyone in the project; 'rounds': only the coders of earlier rounds. */
  source: 'members' | 'rounds';
  options: ComboboxData;
  pending: boolean;
  error: unknown;
}

const byLabel = (a: ComboboxItem, b: ComboboxItem) => a.label.localeCompare(b.label);

export function useCoderCandidates(projectId: string, role: Role, stageIds: string[]): CoderCandidates {
  const members = useQuery({ ...membersQueryOptions(projectId), enabled: role === 'owner' });
  const fromRounds = role !== 'owner' || isApiError(members.error, 403);
  const rounds = useQueries({
    queries: stageIds.map((stageId) => ({ ...roundsQueryOptions(projectId, stageId), enabled: fromRounds })),
  });

  if (!fromRounds) {
    const list = members.data ?? [];
    // Two people may share a name; the email tells them apart.
    const shared = new Set(list.map((member) => member.name).filter((name, index, names) => names.indexOf(name) !== index));
    const item = (member: (typeof list)[number]): ComboboxItem => ({
      value: member.userId,
      label: shared.has(member.name) ? `${member.name} (${member.email})` : member.name,
    });
    const coders = list
      .filter((member) => member.role === 'coder')
      .map(item)
      .sort(byLabel);
    const others = list
      .filter((member) => member.role !== 'coder')
      .map(item)
      .sort(byLabel);
    return {
      source: 'members',
      options: [
        ...(coders.length ? [{ group: 'Coders', items: coders }] : []),
        ...(others.length ? [{ group: 'Leads and owners', items: others }] : []),
      ],
      pending: members.isPending,
      error: members.error,
    };
  }

  const seen = new Map<string, ComboboxItem>();
  for (const query of rounds) {
    for (const round of query.data ?? []) {
      for (const coder of round.coders) seen.set(coder.id, { value: coder.id, label: coder.name });
    }
  }
  return {
    source: 'rounds',
    options: [...seen.values()].sort(byLabel),
    pending: rounds.some((query) => query.isPending),
    error: rounds.find((query) => query.isError)?.error ?? null,
  };
}
