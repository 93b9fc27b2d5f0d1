import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../lib/db';
import type { Role } from '../lib/directory';
import { DeskError } from './errors';

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
  if (!visible) throw DeskError.notFound(`ticket ${number}`);
}
