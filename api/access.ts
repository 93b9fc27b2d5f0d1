import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../lib/db';
import { findActiveTokenHolder, type Role } from '../lib/directory';
import { HttpError } from './errors';

export type { Role } from '../lib/directory';

/** Who is calling (R24); the e-mail is the actor recorded on a ticket's timeline. */
export interface Principal {
  id: string;
  name: string;
  email: string;
  role: Role;
  organization: { id: string; name: string } | null;
  agentKind: string | null;
}

/** A personal API token: shown once when issued, stored only as its SHA-256. */
export function newToken(): string {
  return `tf_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Generic in the route's parameters, so a route's own handler keeps its typed `req.params`. */
type Middleware = <P>(req: Request<P>, res: Response, next: NextFunction) => void | Promise<void>;

// Writing last_used_at on every request would turn each read into a write; a minute is precise enough.
const LAST_USED_RESOLUTION_MS = 60_000;

function unauthorized(res: Response, message: string, invalidToken: boolean): HttpError {
  res.set('WWW-Authenticate', invalidToken ? 'Bearer error="invalid_token"' : 'Bearer');
  return new HttpError(401, message);
}

/** Sets `res.locals.principal` from `Authorization: Bearer <token>`, or answers 401. */
export function authenticate(db: Db): Middleware {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('Authorization') ?? '');
    if (!match) throw unauthorized(res, 'an Authorization: Bearer <token> header is required', false);
    const holder = await findActiveTokenHolder(db, tokenHash(match[1]!));
    if (!holder) throw unauthorized(res, 'the token is unknown, revoked or its holder deactivated', true);
    if (!holder.lastUsedAt || Date.now() - holder.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await db('api_tokens').where({ id: holder.tokenId }).update({ last_used_at: db.fn.now() });
    }
    const { id, name, email, role, organization, agentKind } = holder.person;
    const principal: Principal = {
      id,
      name,
      email,
      role,
      organization: organization && { id: organization.id, name: organization.name },
      agentKind,
    };
    res.locals.principal = principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf: the route does not authenticate');
  return principal;
}

/** 403 unless the principal has one of `roles`; runs after `authenticate`. */
export function allow(...roles: Role[]): Middleware {
  return (_req, res, next) => {
    const { role } = principalOf(res);
    if (!roles.includes(role)) throw forbidden(`a ${role} may not do this; allowed: ${roles.join(', ')}`);
    next();
  };
}

export function forbidden(message: string, errors?: { field: string; message: string }[]): HttpError {
  return new HttpError(403, message, errors ? { errors } : {});
}

/**
 * The organization whose tickets the principal is limited to: a requester's own (R24), nobody else's.
 * Another organization's ticket must look exactly like a missing one.
 */
export function organizationScope(principal: Principal): string | undefined {
  return principal.role === 'requester' ? principal.organization!.name : undefined;
}

/** A list's filters narrowed to what the principal may see; undefined when they ask for nothing visible. */
export function scopedFilters<F extends { organization?: string }>(principal: Principal, filters: F) {
  const organization = organizationScope(principal);
  if (organization === undefined) return filters;
  if (filters.organization !== undefined && filters.organization !== organization) return undefined;
  return { ...filters, organization };
}

/** 404, as for a missing ticket, when the ticket is another organization's. */
export async function ensureTicketVisible(db: Db, principal: Principal, number: string): Promise<void> {
  const organization = organizationScope(principal);
  if (organization === undefined) return;
  const visible =
    (await db('tickets').where({ number, organization }).first('number')) ??
    // A create answered 202: its number is the requester's to read and act on before it registers.
    (await db('ticket_intakes').where({ number, organization }).first('number'));
  if (!visible) throw HttpError.notFound(`ticket ${number}`);
}
