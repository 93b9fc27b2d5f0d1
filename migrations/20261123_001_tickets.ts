import type { Knex } from 'knex';

/** The PostgreSQL projection of ticket workflows: read models for the API, never the source of truth. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SEQUENCE ticket_number_seq START 100001');

  await knex.schema.createTable('tickets', (t) => {
    t.text('number').primary();
    t.text('stage').notNullable();
    t.text('priority').notNullable();
    t.text('impact').notNullable();
    t.text('urgency').notNullable();
    t.text('tier').notNullable();
    t.text('assignee');
    t.text('organization').notNullable();
    t.text('requester_email').notNullable();
    t.text('channel').notNullable();
    t.jsonb('intake').notNullable();
    t.jsonb('solution');
    t.jsonb('verification');
    t.jsonb('resolution');
    t.jsonb('stage_entered_at').notNullable();
    t.jsonb('allowed_actions').notNullable();
    t.integer('version').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.timestamp('closed_at', { useTz: true });
    t.index(['stage', 'received_at']);
    t.index(['organization', 'received_at']);
    t.index(['assignee']);
  });

  await knex.schema.createTable('ticket_events', (t) => {
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('type').notNullable();
    t.text('stage').notNullable();
    t.text('actor').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.jsonb('data').notNullable();
    t.primary(['ticket_number', 'seq']);
  });

  await knex.schema.createTable('outbox', (t) => {
    t.bigIncrements('id');
    t.text('idempotency_key').notNullable().unique();
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('recipient').notNullable();
    t.jsonb('payload').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.text('message_id');
    t.index(['sent_at', 'id']);
  });

  await knex.schema.createTable('ticket_requests', (t) => {
    t.text('idempotency_key').primary();
    t.text('ticket_number').notNullable().unique();
    t.text('request_hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ticket_requests');
  await knex.schema.dropTable('outbox');
  await knex.schema.dropTable('ticket_events');
  await knex.schema.dropTable('tickets');
  await knex.raw('DROP SEQUENCE ticket_number_seq');
}
