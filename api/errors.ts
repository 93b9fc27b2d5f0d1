import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../lib/logger';
import { dependencyDown } from '../lib/outages';
import { DeskError, type DeskErrorKind, type FieldError } from '../desk/errors';
import { requestLog } from './request-log';

export { parseOrThrow, type FieldError } from '../desk/errors';

/** What the HTTP layer answers by itself (401, 405, an unknown route); what a feature refuses is a DeskError. */
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

  static notFound(what: string): HttpError {
    return new HttpError(404, `${what} not found`);
  }
}

/** The one place a domain error becomes an HTTP status. */
const statusOf: Record<DeskErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  refused: 422,
  unavailable: 503,
};

function httpErrorOf(error: DeskError): HttpError {
  return new HttpError(statusOf[error.kind], error.message, error.details);
}

export const unknownRoute: RequestHandler = (req) => {
  throw new HttpError(404, `no route for ${req.method} ${req.path}`);
};

/** Seconds a client is asked to wait before retrying an answer 503: about what a dependency's restart takes. */
export const RETRY_AFTER_SECONDS = 5;

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (thrown, req, res, _next) => {
    const error = thrown instanceof DeskError ? httpErrorOf(thrown) : thrown;
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
