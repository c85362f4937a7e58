// Sign-in, the signed-in user, first-run setup and API tokens.
import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters' });

export const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) });
export type LoginBody = Static<typeof LoginBody>;

export const User = Type.Object({ id: Id, email: Type.String(), name: Type.String() });
export type User = Static<typeof User>;

export const Me = Type.Object({ user: User, csrfToken: Type.Optional(Type.String()) });
export type Me = Static<typeof Me>;

export const SetupStatus = Type.Object({ needsSetup: Type.Boolean() });
export type SetupStatus = Static<typeof SetupStatus>;

export const SetupBody = Type.Object({
  email: Email,
  name: Type.String({ minLength: 1, maxLength: 120 }),
  password: Password,
});
export type SetupBody = Static<typeof SetupBody>;

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  createdAt: IsoDate,
  lastUsedAt: Type.Union([IsoDate, Type.Null()]),
});
export type ApiToken = Static<typeof ApiToken>;

export const CreateTokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const CreatedToken = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: 'Shown once: send it as `Authorization: Bearer <secret>`' }),
});
export type CreatedToken = Static<typeof CreatedToken>;

export const TokenParams = Type.Object({ tokenId: Id });
