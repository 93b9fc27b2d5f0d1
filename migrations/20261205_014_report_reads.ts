import type { Knex } from 'knex';

// Reports over a year of tickets read indexes only (docs/reports.md#indexes-and-times): each clock's state and
// the breaches the timeline recorded are plain columns of the ticket row, so SLA compliance and resolution time
// need neither the jsonb `sla` nor the events, and each index holds what its report reads.

const periodUnits = ['day', 'week', 'month'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.text('response_state');
    t.text('resolution_state');
    t.text('onsite_state');
    // The clocks with an `sla-breached` event, and `closed-unresolved` once the manager closed it so (R20).
    t.specificType('recorded_breaches', 'text[]').notNullable().defaultTo('{}');
  });
  await knex.raw(`
    UPDATE tickets SET
      response_state = sla -> 'response' ->> 'state',
      resolution_state = sla -> 'resolution' ->> 'state',
      onsite_state = sla -> 'onsite' ->> 'state',
      recorded_breaches = ARRAY(
        SELECT DISTINCT CASE WHEN e.type = 'sla-breached' THEN e.data ->> 'clock' ELSE e.type END
        FROM ticket_events e
        WHERE e.ticket_number = tickets.number AND e.type IN ('sla-breached', 'closed-unresolved')
        ORDER BY 1)`);

  await knex.raw(`
    CREATE INDEX tickets_newest ON tickets (received_at DESC, number DESC);
    CREATE INDEX tickets_received_outcomes ON tickets (received_at)
      INCLUDE (organization, priority, response_state, resolution_state, onsite_state, recorded_breaches);
    CREATE INDEX tickets_closed ON tickets (closed_at) INCLUDE (priority, organization, received_at, recorded_breaches)
      WHERE stage = 'CLOSED';
    CREATE INDEX tickets_standing ON tickets (number) INCLUDE (organization, priority, stage, tier, assignee);
    CREATE INDEX ticket_events_breaches ON ticket_events (at DESC, ticket_number) INCLUDE (stage, data)
      WHERE type = 'sla-breached';
    CREATE INDEX ticket_events_escalations ON ticket_events (at) INCLUDE (ticket_number, data)
      WHERE type = 'escalated';
    CREATE INDEX csat_responses_submitted ON csat_responses (submitted_at) INCLUDE (ticket_number, score);
  `);
  // SLA compliance groups a period's tickets by period, organization and priority: a few hundred groups,
  // which PostgreSQL cannot tell from the columns' own statistics, and so would sort every ticket.
  for (const unit of periodUnits) {
    await knex.raw(
      `CREATE STATISTICS tickets_${unit}_groups (ndistinct)
         ON date_trunc('${unit}', received_at AT TIME ZONE 'UTC'), organization, priority FROM tickets`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const unit of periodUnits) await knex.raw(`DROP STATISTICS tickets_${unit}_groups`);
  await knex.raw(`
    DROP INDEX tickets_newest, tickets_received_outcomes, tickets_closed, tickets_standing, ticket_events_breaches,
      ticket_events_escalations, csat_responses_submitted`);
  await knex.schema.alterTable('tickets', (t) => {
    t.dropColumns('response_state', 'resolution_state', 'onsite_state', 'recorded_breaches');
  });
}
