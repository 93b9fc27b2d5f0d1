import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { schemathesisPath } from '../../dev/schemathesis';
import type { Role } from '../../lib/directory';
import { configWithRecords, openContractRecords } from './contract-records';
import type { Desk } from './people';
import { useOwnDatabase } from './own-database';
import { useTicketStack } from './ticket-stack';

const config = fileURLToPath(new URL('schemathesis.toml', import.meta.url));
// A bound for a run that hangs, not a speed check: four roles run at once beside the other files, and on a
// busy two-core machine one role's run has taken over two minutes.
const runLimitMs = 480_000;

// A role skips only the paths it is refused whole, which answer it nothing but 403 and whose refusal the
// authorization matrices check path by path: the admin section for all but the admin, reports and
// invoicing for the requester and the agent as well. The CSAT links (/csat/{token}) are in the document and
// their token is checked like any other input, so unsigned tokens exercise the refusals.
const adminSection = '^/admin/';
const managersOnly = '^/(admin|reports)/|^/field-service/invoicing';
const outsideAdminSection = '^(?!/admin/)';
//
// The coverage phase sends each operation its boundary and malformed inputs, which the API refuses on the
// request's shape whoever sends it, so it runs once per operation: the manager's run covers all but the admin
// section, the admin's run that section. The requester's and the agent's runs leave the phase out and spend
// their time on what differs by role. The admin's run keeps to its section: outside it the admin reads what
// the manager reads, with the same answers, and works no ticket; the manager's run checks those operations,
// and the authorization matrices each one's answer to the admin.
const everyPhase = 'examples,coverage,fuzzing,stateful';
const rolePhases = 'examples,fuzzing,stateful';
/** One schemathesis run: the paths it leaves out (a Python regex) and its phases. */
interface Run {
  skip: string;
  phases: string;
}
interface Caller {
  token: (people: Desk) => string;
  firstNumber: number;
  run: Run;
}
const callers: Record<Role, Caller> = {
  requester: {
    token: (people) => people.acme.requester.token,
    firstNumber: 940000000,
    run: { skip: managersOnly, phases: rolePhases },
  },
  agent: {
    token: (people) => people.agent.token,
    firstNumber: 950000000,
    run: { skip: managersOnly, phases: rolePhases },
  },
  manager: {
    token: (people) => people.manager.token,
    firstNumber: 960000000,
    run: { skip: adminSection, phases: everyPhase },
  },
  admin: {
    token: (people) => people.admin.token,
    firstNumber: 970000000,
    run: { skip: outsideAdminSection, phases: everyPhase },
  },
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
      const records = await openContractRecords(suite.api, suite.people);
      const runConfig = await configWithRecords(config, records);
      try {
        const { code, report } = await schemathesis(suite.stack.baseUrl, token, caller.run, runConfig.path);
        expect(code, report).toBe(0);
      } finally {
        await runConfig.remove();
      }
    },
    runLimitMs + 10_000,
  );
}

async function schemathesis(
  baseUrl: string,
  token: string,
  { skip, phases }: Run,
  configFile: string,
): Promise<{ code: number | null; report: string }> {
  const args = [
    `--config-file=${configFile}`,
    'run',
    `${baseUrl}/openapi.json`,
    '--checks=all',
    `--phases=${phases}`,
    '--seed=20261204',
    '--generation-deterministic',
    '--max-examples=3',
    '--workers=1',
    '--request-timeout=15',
    '--no-color',
    `--header=Authorization: Bearer ${token}`,
    `--exclude-path-regex=${skip}`,
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
