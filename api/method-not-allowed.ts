import type { RequestHandler } from 'express';
import { HttpError } from './errors';

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * For a documented path asked with a method it does not document: 405 with the methods it has in
 * `Allow` (RFC 9110), rather than the 404 that tells a client the resource does not exist. Mounted after
 * every route, so it sees only requests that no route took.
 */
export function methodNotAllowed(paths: Record<string, object>): RequestHandler {
  const resources = Object.entries(paths).map(([template, operations]) => ({
    pattern: new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(escapeRegExp)
        .join('[^/]+')}$`,
    ),
    methods: Object.keys(operations).filter((method) => httpMethods.includes(method)),
  }));
  return (req, res, next) => {
    const allowed = new Set(
      resources.filter(({ pattern }) => pattern.test(req.path)).flatMap(({ methods }) => methods),
    );
    if (allowed.size === 0) return next();
    const allow = [...allowed].map((method) => method.toUpperCase()).join(', ');
    res.set('Allow', allow);
    throw new HttpError(405, `${req.method} is not allowed on ${req.path}; allowed: ${allow}`);
  };
}
