import type { Knex } from 'knex';

// A slug made from an organization's name, the way POST /admin/organizations makes one when none is given.
const SLUG = "trim(both '-' from regexp_replace(lower(organization), '[^a-z0-9]+', '-', 'g'))";

/**
 * Issue 6: customer organizations, the people who use the desk and their API tokens (R4, R6, R24), and the
 * contract's own account manager, onsite promise and calendar where they differ from its SLA policy.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organizations', (t) => {
    t.text('id').primary();
    // Tickets and contracts file an organization under its name, so the name never changes.
    t.text('name').notNullable().unique();
    // R6: ITBX allows two authorized reporters, the only number the procedures give; admins change it.
    t.integer('reporter_limit').notNullable().defaultTo(2);
    t.text('account_manager_email');
    t.specificType('email_domains', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", [], 'organizations_id_slug');
    t.check('reporter_limit >= 1', [], 'organizations_reporter_limit_positive');
  });

  // Contracts signed before organizations existed keep working: their organizations are created first.
  await knex.raw(`
    INSERT INTO organizations (id, name)
    SELECT CASE WHEN n = 1 THEN slug ELSE slug || '-' || n END, organization
    FROM (
      SELECT organization, slug, row_number() OVER (PARTITION BY slug ORDER BY organization) AS n
      FROM (SELECT DISTINCT organization, coalesce(nullif(${SLUG}, ''), 'organization') AS slug FROM contracts) s
    ) numbered`);

  await knex.schema.alterTable('contracts', (t) => {
    t.foreign('organization', 'contracts_organization_fk').references('organizations.name');
    // An e-mail address; the organization's account manager when null.
    t.text('account_manager');
    // Null: the SLA policy's onsite promise and calendar apply.
    t.integer('onsite_promise_minutes');
    t.text('calendar_id').references('business_calendars.id');
    t.check(
      'onsite_promise_minutes IS NULL OR onsite_promise_minutes > 0',
      [],
      'contracts_onsite_promise_positive',
    );
  });

  await knex.schema.createTable('people', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable().unique();
    t.text('name').notNullable();
    t.text('role').notNullable();
    t.text('organization_id').references('organizations.id');
    t.text('agent_kind');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['organization_id', 'role', 'active']);
    // Lower-cased on the way in, so the unique index is case-insensitive (R4: the address identifies).
    t.check('email = lower(email)', [], 'people_email_lower_case');
    t.check("role IN ('requester', 'agent', 'manager', 'admin')", [], 'people_role');
    t.check("role <> 'requester' OR organization_id IS NOT NULL", [], 'people_requester_organization');
    t.check(
      "(role = 'agent') = (agent_kind IS NOT NULL) AND " +
        "(agent_kind IS NULL OR agent_kind IN ('tier-1', 'tier-2', 'tier-3', 'field-engineer', 'second-line'))",
      [],
      'people_agent_kind',
    );
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('person_id').notNullable().references('people.id').onDelete('CASCADE').index();
    // SHA-256 of the token, hex: the token itself is shown once and never stored.
    t.text('token_hash').notNullable().unique();
    t.text('label').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_tokens');
  await knex.schema.dropTable('people');
  await knex.schema.alterTable('contracts', (t) => {
    t.dropChecks(['contracts_onsite_promise_positive']);
    t.dropForeign('organization', 'contracts_organization_fk');
    t.dropColumns('account_manager', 'onsite_promise_minutes', 'calendar_id');
  });
  await knex.schema.dropTable('organizations');
}
