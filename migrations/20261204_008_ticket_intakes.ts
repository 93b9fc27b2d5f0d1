import type { Knex } from 'knex';

/**
 * The intake ledger: every request the desk accepted, with its ticket number and the exact input its workflow
 * starts with, written before Temporal is asked. A create Temporal could not confirm in time is completed from
 * here (a read of the ticket, a repeat, or an API restart starts it again), so no answered number is ever lost.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ticket_intakes', (t) => {
    t.text('number').primary();
    t.text('organization').notNullable();
    t.jsonb('start').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ticket_intakes');
}
