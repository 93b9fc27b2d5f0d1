import type { Knex } from 'knex';

/**
 * Each calendar and policy counts its revisions: a ticket records the revisions it is timed on, and a change
 * rolled out to running tickets reaches each of them once, however often the rollout is started or resumed.
 * `revised_at` is when the current revision was stored: tickets closed since then were running when it landed.
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of ['business_calendars', 'sla_policies']) {
    await knex.schema.alterTable(table, (t) => {
      t.integer('revision').notNullable().defaultTo(1);
      t.timestamp('revised_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['business_calendars', 'sla_policies']) {
    await knex.schema.alterTable(table, (t) => {
      t.dropColumns('revision', 'revised_at');
    });
  }
}
