import type { Knex } from 'knex';

/**
 * R8 and R16: a contract may ask for its own notice for special-hours work (its policy's otherwise), and the
 * projection keeps each ticket's work plan, with whether an activity of it is overdue for the work queue.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('contracts', (t) => {
    t.integer('special_hours_notice_days');
  });
  await knex.schema.alterTable('tickets', (t) => {
    t.jsonb('plan');
    t.boolean('plan_overdue').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.dropColumn('plan_overdue');
    t.dropColumn('plan');
  });
  await knex.schema.alterTable('contracts', (t) => {
    t.dropColumn('special_hours_notice_days');
  });
}
