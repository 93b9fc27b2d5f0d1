import type { NextFunction, Request, RequestParamHandler, Response, Router } from 'express';
import { findUnsafeText, unsafeTextReason, type UnsafeText } from '../domain/safe-text';
import { HttpError, type FieldError } from './errors';

/** The headers the API reads as data; Node's HTTP parser already refuses control characters in any header. */
const dataHeaders = ['Idempotency-Key'];

const asFields = (found: UnsafeText[], whole: string): FieldError[] =>
  found.map(({ path, message }) => ({ field: path || whole, message }));

/**
 * Text the desk does not keep (domain/safe-text.ts) is refused before any route runs, so no ticket number is
 * taken and no workflow hears of it. Fields are named as the schemas name them: the body's dotted path, the
 * query parameter, the header.
 */
export function refuseUnsafeText<Params>(req: Request<Params>, _res: Response, next: NextFunction): void {
  const errors = [
    ...asFields(findUnsafeText(req.body), 'body'),
    ...asFields(findUnsafeText(req.query), 'query'),
    ...dataHeaders.flatMap((name) => asFields(findUnsafeText(req.get(name) ?? ''), name)),
  ];
  if (errors.length > 0) throw HttpError.badRequest(errors);
  next();
}

const refuseUnsafeParameter: RequestParamHandler = (_req, _res, next, value: string, name: string) => {
  const message = unsafeTextReason(value);
  next(message ? HttpError.badRequest([{ field: name, message }]) : undefined);
};

/**
 * Path parameters exist only once a router has matched a route, and every router keeps its own parameter
 * callbacks: each router gets the check for each parameter its routes name, so a new route needs nothing.
 */
export function refuseUnsafePathParameters(router: Router): void {
  const guarded = new Set<string>();
  for (const layer of router.stack) {
    const nested = layer.handle as Partial<Router>;
    if (layer.route) {
      for (const [, name] of String(layer.route.path).matchAll(/[:*](\w+)/g)) {
        if (guarded.has(name!)) continue;
        guarded.add(name!);
        router.param(name!, refuseUnsafeParameter);
      }
    } else if (Array.isArray(nested.stack) && typeof nested.param === 'function') {
      refuseUnsafePathParameters(nested as Router);
    }
  }
}
