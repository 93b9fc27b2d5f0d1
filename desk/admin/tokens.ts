import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import { newToken, tokenHash } from '../access';
import { DeskError } from '../errors';

export interface TokenRecord {
  id: string;
  personId: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IssuedToken extends TokenRecord {
  /** The only time the token is shown: the desk keeps its hash. */
  token: string;
}

interface TokenRow {
  id: string;
  person_id: string;
  label: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toRecord = (row: TokenRow): TokenRecord => ({
  id: row.id,
  personId: row.person_id,
  label: row.label,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** A new personal API token for an active person; `db` may be a transaction. */
export async function issueToken(db: Db | Knex.Transaction, personId: string, label: string) {
  const person = await db('people').where({ id: personId }).first('active');
  if (!person) throw DeskError.notFound(`person ${personId}`);
  if (!person.active) throw DeskError.conflict(`person ${personId} is deactivated: no token is issued`);
  const token = newToken();
  const [row] = await db('api_tokens')
    .insert({ person_id: personId, token_hash: tokenHash(token), label })
    .returning<TokenRow[]>('*');
  return { ...toRecord(row!), token } satisfies IssuedToken;
}

export async function listTokens(db: Db, personId: string): Promise<TokenRecord[]> {
  if (!(await db('people').where({ id: personId }).first('id'))) {
    throw DeskError.notFound(`person ${personId}`);
  }
  const rows = await db('api_tokens').where({ person_id: personId }).orderBy('created_at');
  return rows.map(toRecord);
}

/** Revoking twice keeps the first revocation's time. */
export async function revokeToken(db: Db, tokenId: string): Promise<TokenRecord> {
  const [row] = await db('api_tokens')
    .where({ id: tokenId })
    .update({ revoked_at: db.raw('coalesce(revoked_at, now())') })
    .returning<TokenRow[]>('*');
  if (!row) throw DeskError.notFound(`token ${tokenId}`);
  return toRecord(row);
}
