// The roles a member can have, with what each may do, for the role pickers.
import type { Role } from '@concord/contracts';

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'coder', label: 'Coder: codes assigned issues' },
  { value: 'lead', label: 'Lead: also reviews and adjudicates' },
  { value: 'owner', label: 'Owner: also manages members and settings' },
];

export const ROLE_SHORT_OPTIONS: { value: Role; label: string }[] = [
  { value: 'coder', label: 'Coder' },
  { value: 'lead', label: 'Lead' },
  { value: 'owner', label: 'Owner' },
];

export const isRole = (value: string): value is Role => value === 'coder' || value === 'lead' || value === 'owner';
