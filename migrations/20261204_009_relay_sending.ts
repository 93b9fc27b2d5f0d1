import type { Knex } from 'knex';

/**
 * The relay marks a message `sending` (committed) before it opens the upstream transaction and clears the mark
 * when it records the outcome, so a message is never picked up again while its outcome is unrecorded. A mark
 * left behind is a relay that died mid-send: the one case where an upstream server may hold the message
 * although the ledger does not say so.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_relay_ledger', (t) => {
    t.timestamp('sending_since', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_relay_ledger', (t) => {
    t.dropColumn('sending_since');
  });
}
