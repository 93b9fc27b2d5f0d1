import type { Knex } from 'knex';

/**
 * Issue 5: the conversation on each ticket, mail that came in, the outbound relay's ledger and CSAT.
 * Letters without a ticket (a refusal to an unknown sender, R4) make the outbox's ticket optional.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ticket_messages', (t) => {
    t.bigIncrements('id');
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    t.text('author').notNullable();
    // requester, agent, field-engineer, site-contact, remote-engineer, partner, system
    t.text('author_role').notNullable();
    t.text('channel').notNullable();
    // Internal notes are kept from the customer (R22).
    t.boolean('internal').notNullable().defaultTo(false);
    t.text('subject');
    t.text('body').notNullable();
    // An inbound e-mail's Message-ID: the same mail delivered twice threads once.
    t.text('mail_message_id').unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['ticket_number', 'id']);
  });

  await knex.schema.createTable('ticket_attachments', (t) => {
    t.bigIncrements('id');
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    t.bigInteger('message_id').references('ticket_messages.id').onDelete('CASCADE');
    t.text('filename').notNullable();
    t.text('content_type').notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['ticket_number']);
  });

  await knex.schema.createTable('inbound_mail', (t) => {
    t.bigIncrements('id');
    t.text('mail_message_id');
    t.text('envelope_from');
    t.specificType('envelope_to', 'text[]').notNullable().defaultTo('{}');
    t.binary('raw').notNullable();
    // opened, threaded, refused, unparseable, failed
    t.text('outcome').notNullable();
    t.text('ticket_number');
    t.text('detail');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['outcome', 'received_at']);
  });

  await knex.schema.createTable('mail_relay_ledger', (t) => {
    t.text('mail_message_id').primary();
    t.text('envelope_from').notNullable();
    t.specificType('envelope_to', 'text[]').notNullable();
    t.binary('raw').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('accepted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('delivered_at', { useTz: true });
    t.index(['delivered_at', 'next_attempt_at']);
  });

  await knex.schema.createTable('csat_responses', (t) => {
    // One answer per ticket: a second use of the survey link is refused.
    t.text('ticket_number').primary().references('tickets.number').onDelete('CASCADE');
    t.integer('score').notNullable();
    t.text('comment');
    t.timestamp('submitted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('score BETWEEN 1 AND 5', [], 'csat_score_range');
  });

  await knex.schema.alterTable('outbox', (t) => {
    t.text('ticket_number').nullable().alter();
    t.text('subject');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('outbox').whereNull('ticket_number').delete();
  await knex.schema.alterTable('outbox', (t) => {
    t.dropColumns('subject', 'attempts', 'last_error');
    t.text('ticket_number').notNullable().alter();
  });
  await knex.schema.dropTable('csat_responses');
  await knex.schema.dropTable('mail_relay_ledger');
  await knex.schema.dropTable('inbound_mail');
  await knex.schema.dropTable('ticket_attachments');
  await knex.schema.dropTable('ticket_messages');
}
