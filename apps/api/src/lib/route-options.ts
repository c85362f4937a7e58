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

/**
 * The schema with every object closed to fields it does not name, so a misspelt field in a request
 * (`issueSetID` for `issueSetId`) is a 400 instead of being ignored and the default used.
 */
function closed<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(closed) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'properties' ? mapValues(value, closed) : closed(value)]),
  );
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy as T;
}

const mapValues = (record: unknown, map: (value: unknown) => unknown) =>
  Object.fromEntries(Object.entries(record as Record<string, unknown>).map(([key, value]) => [key, map(value)]));

export function routeOptions<S extends Schema>(access: Access, schema: S, extraErrors: number[] = []) {
  const errors = Object.fromEntries([...ERRORS_BY_ACCESS[access], ...extraErrors].map((status) => [status, ERROR_REF]));
  return {
    config: { access },
    schema: {
      ...schema,
      ...(schema.body ? { body: closed(schema.body) } : {}),
      ...(schema.querystring ? { querystring: closed(schema.querystring) } : {}),
      response: { ...errors, ...schema.response } as S['response'],
      security: access === 'public' ? [] : SIGNED_IN,
    },
  };
}
