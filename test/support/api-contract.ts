import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { schemathesisPath } from '../../dev/schemathesis';
import type { Role } from '../../lib/directory';
import type { Desk } from './people';
import { useOwnDatabase } from './own-database';
import { useTicketStack } from './ticket-stack';

const config = fileURLToPath(new URL('schemathesis.toml', import.meta.url));
// A bound for a run that hangs, not a speed check: four roles run at once beside the other files, and on a
// busy two-core machine one role's run has taken over two minutes.
const runLimitMs = 480_000;

// A role skips only the paths it is refused whole, which answer it nothing but 403 and whose refusal the
// authorization matrices check path by path: the admin section for all but the admin, reports and
// invoicing for the requester and the agent as well, a ticket's actions for the admin, who does not work
// tickets. The CSAT links (/csat/{token}) are in the document and their token is checked like any other
// input, so unsigned tokens exercise the refusals.
const adminSection = '^/admin/';
const managersOnly = '^/(admin|reports)/|^/field-service/invoicing';
const ticketActions = '^/tickets/[^/]+/actions/';
const callers: Record<Role, { token: (people: Desk) => string; refused: string; firstNumber: number }> = {
  requester: {
    token: (people) => people.acme.requester.token,
    refused: managersOnly,
    firstNumber: 940000000,
  },
  agent: { token: (people) => people.agent.token, refused: managersOnly, firstNumber: 950000000 },
  manager: { token: (people) => people.manager.token, refused: adminSection, firstNumber: 960000000 },
  admin: { token: (people) => people.admin.token, refused: ticketActions, firstNumber: 970000000 },
};

/**
 * Every check schemathesis has, over every operation of /openapi.json, as one role. Each role is a file of
 * its own, so the four runs share the machine instead of following one another: a database of its own (the
 * admin's run deactivates people and revokes the tokens it finds listed) and a range of ticket numbers of
 * its own, since numbers are workflow ids on the Temporal server every file shares. Bounded by a few
 * examples per operation and a time limit; derandomized (--generation-deterministic, with the seed fixed as
 * well) and on one worker, so the same code passes or fails the same way every time.
 */
export async function checkTheContractAs(role: Role): Promise<void> {
  const caller = callers[role];
  const suite = useTicketStack({ databaseUrl: await useOwnDatabase(`contract_${role}`) });
  // Ticket and incident numbers are workflow ids on the server every file shares: each role numbers its own.
  beforeAll(() =>
    suite.stack.db.raw(
      `SELECT setval('ticket_number_seq', ${caller.firstNumber}), setval('incident_number_seq', ${caller.firstNumber})`,
    ),
  );

  it(
    `the API does what its OpenAPI document says, for the ${role}`,
    async () => {
      const token = caller.token(suite.people);
      // A token the desk no longer honours would pass every check on 401s alone.
      expect((await suite.api.as(token).get('/me')).body.role).toBe(role);
      const { code, report } = await schemathesis(suite.stack.baseUrl, token, caller.refused);
      expect(code, report).toBe(0);
    },
    runLimitMs + 10_000,
  );
}

async function schemathesis(
  baseUrl: string,
  token: string,
  refused: string,
): Promise<{ code: number | null; report: string }> {
  const args = [
    `--config-file=${config}`,
    'run',
    `${baseUrl}/openapi.json`,
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
