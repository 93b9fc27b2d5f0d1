import type { Knex } from 'knex';

/**
 * R21: how soon a requester may ask for someone on site. A field-work request names its preferred onsite
 * response; the desk honours it when it is shorter than the contract's promise, but never shorter than this.
 * Null (the default): the contract buys its onsite promise and nothing faster, so the preference is not used.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('contracts', (t) => {
    t.integer('fastest_onsite_minutes');
    t.check(
      'fastest_onsite_minutes IS NULL OR fastest_onsite_minutes > 0',
      [],
      'contracts_fastest_onsite_positive',
    );
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('contracts', (t) => {
    t.dropChecks('contracts_fastest_onsite_positive');
    t.dropColumn('fastest_onsite_minutes');
  });
}
