import type { Knex } from 'knex';
import { seedCalendars } from '../domain/calendar/seeds';
import { seedSlaPolicies } from '../domain/sla-seeds';

// The work queue's order (R18). desk/tickets/work-queue.ts orders by the same expression, which lets PostgreSQL
// read the queue straight from this index instead of sorting every open ticket.
const STAGE_RANK = "array_position(ARRAY['OPEN','ANALYSIS','SOLUTION','CUSTOMER_TESTING']::text[], stage)";

const demoEngineers = [
  { id: 'fe-camila-rojas', name: 'Camila Rojas', email: 'camila.rojas@ticketflow.local', organizations: [] },
  {
    id: 'fe-andres-mejia',
    name: 'Andrés Mejía',
    email: 'andres.mejia@ticketflow.local',
    organizations: ['ACME Logistics'],
  },
  {
    id: 'fe-priya-nair',
    name: 'Priya Nair',
    email: 'priya.nair@ticketflow.local',
    organizations: ['BROCENT Retail'],
  },
];

/** Contracts, their SLA policies and calendars (R16–R21), field engineers, and the SLA columns of tickets. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('business_calendars', (t) => {
    t.text('id').primary();
    t.jsonb('definition').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sla_policies', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('calendar_id').notNullable().references('business_calendars.id');
    // The policy without its calendar: calendars are shared and edited on their own.
    t.jsonb('definition').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  // valid_from and valid_to are UTC dates, both inclusive; an open-ended contract has no valid_to.
  await knex.schema.createTable('contracts', (t) => {
    t.bigIncrements('id');
    t.text('organization').notNullable().index();
    t.text('sla_policy_id').notNullable().references('sla_policies.id');
    t.date('valid_from').notNullable();
    t.date('valid_to');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('valid_to IS NULL OR valid_to >= valid_from', [], 'contracts_valid_period');
  });

  await knex.schema.createTable('field_engineers', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('email').notNullable();
    // Empty: the engineer serves every organization.
    t.specificType('organizations', 'text[]').notNullable().defaultTo('{}');
    t.boolean('available').notNullable().defaultTo(true);
  });

  await knex.schema.createTable('dispatches', (t) => {
    t.text('id').primary();
    t.text('ticket_number').notNullable().index();
    t.text('engineer_id').notNullable().references('field_engineers.id');
    t.timestamp('appointment_at', { useTz: true }).notNullable();
    t.timestamp('promise_due', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['engineer_id', 'appointment_at']);
  });

  await knex.schema.createTable('manager_dossiers', (t) => {
    t.text('id').primary();
    t.text('ticket_number').notNullable().index();
    t.jsonb('dossier').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.alterTable('tickets', (t) => {
    t.text('sla_state').notNullable().defaultTo('on_track');
    t.timestamp('response_due', { useTz: true });
    t.timestamp('resolution_due', { useTz: true });
    t.boolean('waiting_on_client').notNullable().defaultTo(false);
  });
  await knex.raw(
    `CREATE INDEX tickets_work_queue ON tickets (priority, ${STAGE_RANK}, received_at, number) WHERE stage <> 'CLOSED'`,
  );

  await knex('business_calendars')
    .insert(seedCalendars.map((calendar) => ({ id: calendar.id, definition: JSON.stringify(calendar) })))
    .onConflict('id')
    .ignore();
  await knex('sla_policies')
    .insert(
      seedSlaPolicies.map(({ calendar, ...definition }) => ({
        id: definition.id,
        name: definition.name,
        calendar_id: calendar.id,
        definition: JSON.stringify(definition),
      })),
    )
    .onConflict('id')
    .ignore();
  await knex('field_engineers').insert(demoEngineers).onConflict('id').ignore();
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX tickets_work_queue');
  await knex.schema.alterTable('tickets', (t) => {
    t.dropColumns('sla_state', 'response_due', 'resolution_due', 'waiting_on_client');
  });
  await knex.schema.dropTable('manager_dossiers');
  await knex.schema.dropTable('dispatches');
  await knex.schema.dropTable('field_engineers');
  await knex.schema.dropTable('contracts');
  await knex.schema.dropTable('sla_policies');
  await knex.schema.dropTable('business_calendars');
}
