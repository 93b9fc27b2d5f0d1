import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ApiClient } from './http';
import type { Desk } from './people';

/** Tickets and an incident that exist, whose numbers the run draws its path parameters from. */
export interface ContractRecords {
  tickets: string[];
  incidents: string[];
}

/**
 * Numbers schemathesis generates name no ticket, so without these every operation on a ticket or incident
 * answered 404 and the run never reached an action's rules, its workflow update or the projection. Three
 * tickets, because the run may close one early; an incident for the desk's roles, who may work incidents.
 */
export async function openContractRecords(api: ApiClient, people: Desk): Promise<ContractRecords> {
  const { acme } = people;
  const tickets: string[] = [];
  for (const affected of ['CRM web client', 'Warehouse scanner', 'VPN gateway']) {
    const opened = await api.as(acme.requester.token).post('/tickets', acme.intake({ affected }));
    expect(opened.status).toBe(201);
    tickets.push(opened.body.number);
  }
  const declared = await api.as(people.agent.token).post('/incidents', {
    title: 'Shared ERP cluster unreachable',
    impact: 'Order entry is down for every client on the shared ERP cluster.',
    service: 'ERP',
  });
  expect(declared.status).toBe(201);
  return { tickets, incidents: [declared.body.number] };
}

/**
 * The committed configuration with the records as dictionaries: half the cases of an operation on
 * `{number}` or `{incident}` take a real one, the other half keep generated values, so malformed and unknown
 * numbers are still sent. Written for one run; `remove` deletes it.
 */
export async function configWithRecords(committed: string, records: ContractRecords) {
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-contract-'));
  const path = join(dir, 'schemathesis.toml');
  const values = (numbers: string[]) => JSON.stringify(numbers);
  await writeFile(
    path,
    `${await readFile(committed, 'utf8')}
[dictionaries.tickets]
values = ${values(records.tickets)}

[dictionaries.incidents]
values = ${values(records.incidents)}

[parameters]
"path.number" = { dictionary = "tickets", probability = 0.5 }
"path.incident" = { dictionary = "incidents", probability = 0.5 }
`,
  );
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
