import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../lib/db';
import { DeskError } from '../desk/errors';
import { tokenHash, type Principal } from '../desk/access';
import { aRole, findActiveTokenHolder, type Role } from '../lib/directory';
import { HttpError } from './errors';

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
    if (!roles.includes(role))
      throw DeskError.forbidden(`${aRole(role)} may not do this; allowed: ${roles.join(', ')}`);
    next();
  };
}
