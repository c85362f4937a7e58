// Route options with the access level and every response status documented: the error statuses
// a route can return follow from its access level, so no route forgets to declare them.
import type { TSchema } from 'typebox';
import type { Access } from '../plugins/auth.ts';

const ERROR_REF = { $ref: 'ErrorBody#' } as const;
const SIGNED_IN: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

// 400: validation. 401: not signed in. 403: CSRF or role. 404: project hidden from non-members.
const ERRORS_BY_ACCESS: Record<Access, number[]> = {
  public: [400],
  user: [400, 401, 403],
  member: [400, 401, 403, 404],
  lead: [400, 401, 403, 404],
  owner: [400, 401, 403, 404],
};

/** A response that comes in several media types, e.g. JSON or CSV. */
export interface ResponseByMediaType {
  content: Record<string, { schema: TSchema }>;
}

interface Schema {
  summary: string;
  description?: string;
  tags: string[];
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response: Record<number, TSchema | ResponseByMediaType>;
}

export function routeOptions<S extends Schema>(access: Access, schema: S, extraErrors: number[] = []) {
  const errors = Object.fromEntries([...ERRORS_BY_ACCESS[access], ...extraErrors].map((status) => [status, ERROR_REF]));
  return {
    config: { access },
    schema: {
      ...schema,
      response: { ...errors, ...schema.response } as S['response'],
      security: access === 'public' ? [] : SIGNED_IN,
    },
  };
}
