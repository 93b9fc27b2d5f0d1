import type { Knex } from 'knex';

/** The ticket's SLA as its workflow last published it: clocks, due times, dispatch, manager and vendor. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.jsonb('sla');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.dropColumn('sla');
  });
}
