import type { Knex } from 'knex';

const secondLineEngineers = [
  { id: 'sl-wei-zhang', name: 'Wei Zhang', email: 'wei.zhang@ticketflow.local', kind: 'second-line' },
  {
    id: 'sl-lucia-ferrer',
    name: 'Lucía Ferrer',
    email: 'lucia.ferrer@ticketflow.local',
    kind: 'second-line',
  },
];

/**
 * Field service (R21–R23): the ticket's field team, the appointment agreed with the site contact, visits and
 * their signed reports. Signed reports and checked-out visits are the basis for invoicing, so the database
 * itself refuses to change them, whatever code runs against it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('field_engineers', (t) => {
    t.text('kind').notNullable().defaultTo('field');
    t.check("kind IN ('field', 'second-line')", [], 'field_engineers_kind');
  });
  await knex('field_engineers').insert(secondLineEngineers).onConflict('id').ignore();

  // No foreign key to tickets, as for dispatches: the dispatch activity writes both.
  await knex.schema.createTable('ticket_field_team', (t) => {
    t.text('ticket_number').primary();
    t.text('field_engineer_id').notNullable().references('field_engineers.id');
    // Empty while nobody of the second line was available; filled by a later dispatch.
    t.text('second_line_engineer_id').references('field_engineers.id');
    t.timestamp('assigned_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['second_line_engineer_id']);
  });

  // Append-only: the latest row is the appointment in force; earlier rows are its history.
  await knex.schema.createTable('site_appointments', (t) => {
    t.bigIncrements('id');
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    t.text('dispatch_id').notNullable().references('dispatches.id');
    t.timestamp('scheduled_at', { useTz: true }).notNullable();
    t.text('site_contact_name').notNullable();
    t.text('site_contact_phone').notNullable();
    t.text('agreed_by').notNullable();
    t.text('reason');
    t.timestamp('agreed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['ticket_number', 'id']);
  });

  await knex.schema.createTable('field_visits', (t) => {
    t.bigIncrements('id');
    t.text('ticket_number').notNullable().references('tickets.number').onDelete('CASCADE');
    t.text('dispatch_id').notNullable().references('dispatches.id');
    t.text('engineer_id').notNullable().references('field_engineers.id');
    t.timestamp('checked_in_at', { useTz: true }).notNullable();
    t.text('checked_in_by').notNullable();
    t.timestamp('checked_out_at', { useTz: true });
    t.text('checked_out_by');
    t.check('checked_out_at IS NULL OR checked_out_at > checked_in_at', [], 'field_visits_out_after_in');
    t.index(['ticket_number', 'id']);
    t.index(['checked_in_at']);
  });
  await knex.raw(
    'CREATE UNIQUE INDEX field_visits_one_open ON field_visits (ticket_number, engineer_id) WHERE checked_out_at IS NULL',
  );

  await knex.schema.createTable('field_service_reports', (t) => {
    t.bigInteger('visit_id').primary().references('field_visits.id');
    t.text('tasks_done').notNullable();
    t.text('customer_comments');
    t.text('written_by').notNullable();
    t.text('signer_name');
    t.text('signature');
    t.timestamp('signed_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(
      'signed_at IS NULL OR (signer_name IS NOT NULL AND signature IS NOT NULL)',
      [],
      'field_service_reports_signed_whole',
    );
  });

  await knex.raw(`
    CREATE FUNCTION refuse_signed_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the field service report of visit % is signed and cannot be changed', OLD.visit_id;
    END $$;
    CREATE TRIGGER field_service_reports_signed_are_final
      BEFORE UPDATE OR DELETE ON field_service_reports
      FOR EACH ROW WHEN (OLD.signed_at IS NOT NULL) EXECUTE FUNCTION refuse_signed_report_change();

    CREATE FUNCTION refuse_finished_visit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'visit % is checked out and cannot be changed', OLD.id;
    END $$;
    CREATE TRIGGER field_visits_checked_out_are_final
      BEFORE UPDATE ON field_visits
      FOR EACH ROW WHEN (OLD.checked_out_at IS NOT NULL) EXECUTE FUNCTION refuse_finished_visit_change();

    CREATE FUNCTION keep_ticket_field_team() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.field_engineer_id <> OLD.field_engineer_id
         OR NEW.second_line_engineer_id IS DISTINCT FROM COALESCE(OLD.second_line_engineer_id, NEW.second_line_engineer_id) THEN
        RAISE EXCEPTION 'ticket % keeps its field team for its whole life (R22)', OLD.ticket_number;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ticket_field_team_for_life
      BEFORE UPDATE ON ticket_field_team FOR EACH ROW EXECUTE FUNCTION keep_ticket_field_team();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('field_service_reports');
  await knex.schema.dropTable('field_visits');
  await knex.schema.dropTable('site_appointments');
  await knex.schema.dropTable('ticket_field_team');
  await knex.raw(`
    DROP FUNCTION refuse_signed_report_change();
    DROP FUNCTION refuse_finished_visit_change();
    DROP FUNCTION keep_ticket_field_team();
  `);
  await knex('field_engineers').where({ kind: 'second-line' }).delete();
  await knex.schema.alterTable('field_engineers', (t) => t.dropColumn('kind'));
}
