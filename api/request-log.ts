import type { Request, RequestHandler, RequestParamHandler, Response } from 'express';
import type { Logger } from '../lib/logger';

/**
 * The route pattern (`/tickets/:number`), never the raw URL, so log fields and metric labels stay bounded.
 * Routers declare full paths and are mounted at the root, so the route's own path is the whole pattern.
 */
export function routeOf(req: Request): string {
  return typeof req.route?.path === 'string' ? req.route.path : 'unmatched';
}

/**
 * Keeps the ticket number where the error handler can still see it: Express restores `req.params` when
 * an error leaves a router, so the number is gone by the time the central handler runs.
 */
export const rememberTicket: RequestParamHandler = (_req, res, next, number: string) => {
  res.locals.ticket = number;
  next();
};

/** The logger of one request: every line it writes names the ticket the request is about, if any. */
export function requestLog(log: Logger, req: Request, res: Response): Logger {
  return log.child({
    ticket: res.locals.ticket as string | undefined,
    method: req.method,
    route: routeOf(req),
  });
}

/** One JSON line per request, written once the answer is sent. */
export function requestLogging(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      requestLog(log, req, res).info({ status: res.statusCode, durationMs }, 'request');
    });
    next();
  };
}
