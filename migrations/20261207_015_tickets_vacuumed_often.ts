import type { Knex } from 'knex';

// The queue's and the lists' counts and most reports are index-only scans of `tickets`, which skip the row only
// on pages the visibility map marks all-visible. Every change of a ticket rewrites its row and clears its
// page's mark until a vacuum sets it again; at the default 20 % of the table changed before autovacuum runs,
// most pages of a busy desk's table are unmarked and each count reads the rows too (docs/deploying.md).
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
