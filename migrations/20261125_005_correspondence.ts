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
    // The workflow event a reply was recorded as; the projection writes its row once however often it runs.
    t.integer('event_seq');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['ticket_number', 'id']);
    t.unique(['ticket_number', 'event_seq']);
  });

  await knex.schema.createTable('ticket_attachments', (t) => {
    t.bigIncrements('id');
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    // Kept when the mail arrives, before the workflow records the reply it came with.
    t.text('mail_message_id');
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

  await knex.schema.alterTable('tickets', (t) => {
    // R5: why service is held, while it is; a renewed contract releases its organization's held tickets.
    t.jsonb('held');
    t.index(['organization'], 'tickets_held_by_organization', { predicate: knex.whereNotNull('held') });
  });

  await knex.schema.alterTable('outbox', (t) => {
    t.text('ticket_number').nullable().alter();
    t.text('subject');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    // Why a letter can never be sent (an engineer named without an e-mail address); it is skipped, not retried.
    t.text('undeliverable');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('outbox').whereNull('ticket_number').delete();
  await knex.schema.alterTable('outbox', (t) => {
    t.dropColumns('subject', 'attempts', 'last_error', 'undeliverable');
    t.text('ticket_number').notNullable().alter();
  });
  await knex.schema.alterTable('tickets', (t) => {
    t.dropIndex(['organization'], 'tickets_held_by_organization');
    t.dropColumn('held');
  });
  await knex.schema.dropTable('csat_responses');
  await knex.schema.dropTable('mail_relay_ledger');
  await knex.schema.dropTable('inbound_mail');
  await knex.schema.dropTable('ticket_attachments');
  await knex.schema.dropTable('ticket_messages');
}
