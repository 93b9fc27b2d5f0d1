import type { Knex } from 'knex';
import * as tickets from './20261123_001_tickets';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Knex.Migration> = {
  '20261123_001_tickets': tickets,
};
