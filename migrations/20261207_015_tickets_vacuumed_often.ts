import type { Knex } from 'knex';

// The queue and the lists count their tickets beside the page, and most reports read indexes alone
// (docs/deploying.md#reads-at-scale). An index-only scan skips the row only on pages the visibility map marks
// all-visible; a ticket's every change rewrites its row and unmarks its page until a vacuum, which by default
// waits for a fifth of the table to change: on a busy desk most pages, so each count would read the rows too.
const vacuumedOften = {
  autovacuum_vacuum_scale_factor: 0.01,
  autovacuum_vacuum_insert_scale_factor: 0.01,
};

export async function up(knex: Knex): Promise<void> {
  const settings = Object.entries(vacuumedOften).map(([name, value]) => `${name} = ${value}`);
  await knex.raw(`ALTER TABLE tickets SET (${settings.join(', ')})`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE tickets RESET (${Object.keys(vacuumedOften).join(', ')})`);
}
