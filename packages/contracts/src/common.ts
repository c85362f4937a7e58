// Shapes shared by every route: the one error body, ids, dates and pagination.
import { Type, type Static } from 'typebox';

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({ description: 'HTTP reason phrase' }),
    code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
    message: Type.String(),
    requestId: Type.String(),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'ErrorBody', description: 'The one error shape of the API' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const Id = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date-time' });

export const Role = Type.Union([Type.Literal('owner'), Type.Literal('lead'), Type.Literal('coder')]);
export type Role = Static<typeof Role>;

export const ProjectParams = Type.Object({ projectId: Id });

/** A page of a paginated list, from 1; bounded so that its offset stays a number PostgreSQL takes. */
export const PageNumber = Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 });

/** Where a background job (an import, an export) stands. */
export const JobStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type JobStatus = Static<typeof JobStatus>;
