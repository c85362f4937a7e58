// The one error shape: services throw AppError; this handler maps every error to
// { statusCode, error, code, message, requestId, details? } and masks 5xx messages.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorBody } from '@concord/contracts';
import { Prisma } from '@concord/db';

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

// Database constraint outcomes that reach the handler are the client's conflict, not a crash.
interface MappedError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const PRISMA_ERRORS: Record<string, MappedError> = {
  P2002: { statusCode: 409, code: 'ALREADY_EXISTS', message: 'Something with the same unique value already exists.' },
  P2025: { statusCode: 404, code: 'NOT_FOUND', message: 'The record was not found; it may have been deleted.' },
  P2034: { statusCode: 409, code: 'WRITE_CONFLICT', message: 'Another change happened at the same time; reload and retry.' },
};

function fromPrismaError(error: unknown): MappedError | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? PRISMA_ERRORS[error.code] : undefined;
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
    const mapped: MappedError = error instanceof AppError ? error : (fromPrismaError(error) ?? fromFastifyError(error as FastifyError));
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
