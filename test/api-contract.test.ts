import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemathesisPath } from '../dev/schemathesis';
import type { Role } from '../lib/directory';
import { useOwnDatabase } from './support/own-database';
import { useTicketStack } from './support/ticket-stack';

// Tickets, organizations and people made up by the runs stay in a database of this file's own.
const suite = useTicketStack({ databaseUrl: await useOwnDatabase('contract') });
// Ticket numbers are workflow ids on the Temporal server all files share, and other files run alongside.
beforeAll(() => suite.stack.db.raw(`SELECT setval('ticket_number_seq', 940000000)`));

const config = fileURLToPath(new URL('support/schemathesis.toml', import.meta.url));
const runLimitMs = 150_000;

/**
 * Every check schemathesis has, over every operation of /openapi.json, as the holder of `token`. Bounded
 * by a few examples per operation and a time limit; derandomized (--generation-deterministic, with the
 * seed fixed as well) and on one worker, so the same code passes or fails the same way every time.
 */
async function schemathesis(
  token: string,
  refused: string,
): Promise<{ code: number | null; report: string }> {
  const args = [
    `--config-file=${config}`,
    'run',
    `${suite.stack.baseUrl}/openapi.json`,
    '--checks=all',
    '--seed=20261204',
    '--generation-deterministic',
    '--max-examples=3',
    '--workers=1',
    '--request-timeout=15',
    '--no-color',
    `--header=Authorization: Bearer ${token}`,
    `--exclude-path-regex=${refused}`,
  ];
  const child = spawn(await schemathesisPath(console.log), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let report = '';
  const collect = (chunk: Buffer) => (report += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const timer = setTimeout(() => child.kill('SIGKILL'), runLimitMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, report };
}

// The CSAT links (/csat/{token}) are in the document and their token is checked like any other input, so
// unsigned tokens exercise the refusals. A role skips only the paths it is refused whole, which answer it
// nothing but 403 and whose refusal the authorization matrices check path by path: the admin section for
// all but the admin, reports and invoicing for the requester and the agent as well, a ticket's actions for
// the admin, who does not work tickets. The admin runs last: its run deactivates people and revokes tokens
// it finds through the admin listings, the desk's own among them.
const adminSection = '^/admin/';
const managersOnly = '^/(admin|reports)/|^/field-service/invoicing';
const ticketActions = '^/tickets/[^/]+/actions/';
const callers: [Role, () => string, string][] = [
  ['requester', () => suite.people.acme.requester.token, managersOnly],
  ['agent', () => suite.people.agent.token, managersOnly],
  ['manager', () => suite.people.manager.token, adminSection],
  ['admin', () => suite.people.admin.token, ticketActions],
];

describe('what the document says of every operation', () => {
  it('a documented path asked with a method it lacks answers 405 with the methods it has', async () => {
    const answer = await fetch(`${suite.stack.baseUrl}/tickets/TF-100001`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${suite.people.agent.token}` },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    const unknown = await suite.api.get('/no-such-path');
    expect(unknown.status).toBe(404);
  });

  it('a PATCH without a body is refused naming the body, and {} changes nothing', async () => {
    const admin = suite.api.as(suite.people.admin.token);
    const path = `/admin/organizations/${suite.people.acme.organization.id}`;
    const before = await admin.get(path);
    const refused = await fetch(`${suite.stack.baseUrl}${path}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${suite.people.admin.token}` },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors).toMatchObject([
      { field: 'body' },
    ]);
    expect(await admin.patch(path, {})).toMatchObject({ status: 200, body: before.body });
  });
});

describe('the API does what its OpenAPI document says', () => {
  for (const [role, token, refused] of callers) {
    it(
      `for the ${role}`,
      async () => {
        // A token the desk no longer honours would pass every check on 401s alone.
        expect((await suite.api.as(token()).get('/me')).body.role).toBe(role);
        const { code, report } = await schemathesis(token(), refused);
        expect(code, report).toBe(0);
      },
      runLimitMs + 10_000,
    );
  }
});
