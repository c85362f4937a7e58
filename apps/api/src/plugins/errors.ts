// The one error shape: services throw AppError; this handler maps every error to
// { statusCode, error, code, message, requestId, details? } and masks 5xx messages.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorBody } from '@concord/contracts';
import { Prisma } from '@concord/db';
import pg from 'pg';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (message = 'Sign in first.') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found.`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

function errorBody(statusCode: number, code: string, message: string, requestId: string, details?: unknown): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    code,
    message,
    requestId,
    ...(details === undefined ? {} : { details }),
  };
}

const { DatabaseError } = pg;

// Database constraint outcomes that reach the handler are the client's conflict, not a crash.
interface MappedError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const ALREADY_EXISTS: MappedError = {
  statusCode: 409,
  code: 'ALREADY_EXISTS',
  message: 'Something with the same unique value already exists.',
};
const REFERENCED: MappedError = {
  statusCode: 409,
  code: 'REFERENCE_CONFLICT',
  message: 'This refers to something that no longer exists, or something else still refers to it; reload and retry.',
};
const WRITE_CONFLICT: MappedError = {
  statusCode: 409,
  code: 'WRITE_CONFLICT',
  message: 'Another change happened at the same time; reload and retry.',
};
// Values PostgreSQL refuses (a number beyond its column, a date it cannot hold, a NUL character in
// text): the request's fault, whichever route let them through.
const BAD_VALUE: MappedError = {
  statusCode: 400,
  code: 'BAD_VALUE',
  message: 'A value cannot be stored: a number too large, a date out of range, text with a NUL character, or text too long.',
};

const PRISMA_ERRORS: Record<string, MappedError> = {
  P2000: BAD_VALUE,
  P2002: ALREADY_EXISTS,
  P2003: REFERENCED,
  P2007: BAD_VALUE,
  P2020: BAD_VALUE,
  P2025: { statusCode: 404, code: 'NOT_FOUND', message: 'The record was not found; it may have been deleted.' },
  P2034: WRITE_CONFLICT,
};

/** By SQLSTATE, for errors from queries sent through pg (and Prisma's raw queries, P2010). */
const POSTGRES_ERRORS: Record<string, MappedError> = {
  '22001': BAD_VALUE, // string too long
  '22003': BAD_VALUE, // numeric value out of range
  '22007': BAD_VALUE, // invalid datetime format
  '22008': BAD_VALUE, // datetime field overflow
  '22021': BAD_VALUE, // character not in repertoire (NUL in text)
  '22P02': BAD_VALUE, // invalid text representation
  '22P05': BAD_VALUE, // untranslatable character (NUL in jsonb)
  '23503': REFERENCED,
  '23505': ALREADY_EXISTS,
  '40001': WRITE_CONFLICT,
  '40P01': WRITE_CONFLICT,
};

function fromDatabaseError(error: unknown): MappedError | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // Through the pg adapter, PostgreSQL's own code travels in the driver adapter error's cause.
    const meta = error.meta as { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
    const sqlState = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
    return PRISMA_ERRORS[error.code] ?? (typeof sqlState === 'string' ? POSTGRES_ERRORS[sqlState] : undefined);
  }
  return error instanceof DatabaseError && error.code ? POSTGRES_ERRORS[error.code] : undefined;
}

// Fastify's own errors (validation, body too large, bad JSON) carry a statusCode and FST_ code.
function fromFastifyError(error: FastifyError): MappedError {
  if (error.validation) {
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: error.message, details: error.validation };
  }
  const statusCode = error.statusCode ?? 500;
  return { statusCode, code: error.code ?? 'ERROR', message: error.message };
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const mapped: MappedError = error instanceof AppError ? error : (fromDatabaseError(error) ?? fromFastifyError(error as FastifyError));
    // Our own errors carry safe messages; anything unexpected is logged and masked.
    if (mapped.statusCode >= 500 && !(error instanceof AppError)) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .status(mapped.statusCode)
        .send(
          errorBody(
            mapped.statusCode,
            'INTERNAL',
            'Something went wrong on the server. The request id identifies it in the logs.',
            request.id,
          ),
        );
    }
    if (error instanceof AppError && error.statusCode === 429 && error.details && typeof error.details === 'object') {
      const retryAfter = (error.details as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
    }
    return reply.status(mapped.statusCode).send(errorBody(mapped.statusCode, mapped.code, mapped.message, request.id, mapped.details));
  });
});

/** 404 JSON for unknown /api paths; the web app for everything else (set up by the web plugin). */
export function sendApiNotFound(
  request: { id: string; method: string; url: string },
  reply: { status(code: number): { send(body: unknown): unknown } },
) {
  return reply.status(404).send(errorBody(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`, request.id));
}
