import type { Knex } from 'knex';

/**
 * Major incidents as the managers' dashboard lists them, each row the incident workflow's latest state; and on
 * each ticket the incident it is linked to, whose public text its requester reads.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SEQUENCE incident_number_seq');
  await knex.schema.createTable('incidents', (t) => {
    t.text('number').primary();
    t.text('title').notNullable();
    t.text('service').notNullable();
    t.text('status').notNullable();
    t.text('priority');
    t.integer('ticket_count').notNullable();
    t.timestamp('declared_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.jsonb('view').notNullable();
    t.integer('version').notNullable();
    t.index(['status', 'declared_at']);
  });
  await knex.schema.alterTable('tickets', (t) => {
    t.jsonb('incident');
    t.text('incident_number').index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.dropColumn('incident_number');
    t.dropColumn('incident');
  });
  await knex.schema.dropTable('incidents');
  await knex.raw('DROP SEQUENCE incident_number_seq');
}
