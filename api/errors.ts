import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import { dependencyDown } from '../lib/outages';
import { requestLog } from './request-log';

export interface FieldError {
  field: string;
  message: string;
}

/** The one error type routes and services throw; the central handler turns it into the answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static badRequest(errors: FieldError[]): HttpError {
    return new HttpError(400, 'invalid request', { errors });
  }

  /** Well-formed as documented, refused for what it means: an unknown party, a period backwards. */
  static unprocessable(errors: FieldError[], message = 'request refused'): HttpError {
    return new HttpError(422, message, { errors });
  }

  static notFound(what: string): HttpError {
    return new HttpError(404, `${what} not found`);
  }
}

export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const name = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || 'body';
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: name([...issue.path, key]), message: 'unknown field' }))
      : [{ field: name(issue.path), message: issue.message }],
  );
}

/**
 * Parses with a schema or throws naming every bad field: a 400 when the value is not of the documented
 * shape, a 422 when it is and only a rule the document cannot state (a refinement: one field against
 * another, or a check in code) refuses it. A refinement the document states after all (a oneOf) says so
 * with `params: { inDocument: true }`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error, prefix);
  const refinedOnly = parsed.error.issues.every(
    (issue) => issue.code === 'custom' && !(issue.params as { inDocument?: boolean } | undefined)?.inDocument,
  );
  throw refinedOnly ? HttpError.unprocessable(errors) : HttpError.badRequest(errors);
}

export const unknownRoute: RequestHandler = (req) => {
  throw new HttpError(404, `no route for ${req.method} ${req.path}`);
};

/** Seconds a client is asked to wait before retrying an answer 503: about what a dependency's restart takes. */
export const RETRY_AFTER_SECONDS = 5;

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof HttpError) {
      if (error.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(error.status).json({ error: error.message, ...error.body });
      return;
    }
    const down = dependencyDown(error);
    if (down) {
      requestLog(log, req, res).warn({ err: error, dependency: down }, 'dependency unavailable');
      res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .json({ error: `${down} is unavailable; try again`, dependency: down, retryable: true });
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ error: 'invalid request', errors: [{ field: 'body', message: 'not valid JSON' }] });
      return;
    }
    if (error instanceof URIError && (error as { status?: number }).status === 400) {
      const errors = [{ field: 'path', message: 'malformed percent-encoding' }];
      res.status(400).json({ error: 'invalid request', errors });
      return;
    }
    if (error?.type === 'entity.too.large') {
      res.status(413).json({ error: 'request body too large' });
      return;
    }
    requestLog(log, req, res).error({ err: error }, 'unexpected error');
    res.status(500).json({ error: 'internal error' });
  };
}
