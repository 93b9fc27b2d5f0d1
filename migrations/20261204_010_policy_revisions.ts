import type { Knex } from 'knex';

/**
 * Each stored change to a policy or calendar gets the next revision: the rollout that takes it to running
 * tickets is named by it, so a retried request starts no second rollout and a ticket applies it once.
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of ['business_calendars', 'sla_policies']) {
    await knex.schema.alterTable(table, (t) => {
      t.integer('revision').notNullable().defaultTo(1);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['business_calendars', 'sla_policies']) {
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('revision');
    });
  }
}
