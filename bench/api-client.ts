import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoToken } from '../dev/demo-desk';
import { validIntake } from '../test/support/intake';
import type { BenchDesk } from './scenario';

/** The demo person a scenario acts as: Ana Ruiz of ACME Logistics is the requester `validIntake` speaks for. */
export function demoPerson(desk: BenchDesk, pick: (person: DemoToken) => boolean): DemoToken {
  const person = desk.people.find(pick);
  if (!person) throw new Error('the demo desk has no such person');
  return person;
}

export const requester = (desk: BenchDesk) => demoPerson(desk, (p) => p.email === 'ana.ruiz@acme.example');
export const tierOneAgent = (desk: BenchDesk) => demoPerson(desk, (p) => p.agentKind === 'tier-1');

interface RequestOptions {
  method?: string;
  body?: unknown;
}

/** A request to the desk's API as `person`: its status and parsed body, whatever the status. */
export async function request(
  desk: BenchDesk,
  person: Pick<DemoToken, 'token'>,
  path: string,
  options: RequestOptions = {},
): Promise<{ status: number; body: unknown; method: string }> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const response = await fetch(`${desk.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${person.token}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, method };
}

/** A request that must answer `expect` (200 unless said); any other status is an error naming it. */
export async function callApi(
  desk: BenchDesk,
  person: DemoToken,
  path: string,
  options: RequestOptions & { expect?: number } = {},
): Promise<unknown> {
  const answer = await request(desk, person, path, options);
  if (answer.status !== (options.expect ?? 200)) {
    throw new Error(`${answer.method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/**
 * Opens one ticket as the requester, with a complete request; resolves with its number once recorded. A 202
 * (the workflow did not confirm in time, e.g. while the worker starts) is followed as a client would.
 */
export async function openTicket(desk: BenchDesk, who = requester(desk)): Promise<string> {
  const opened = await request(desk, who, '/tickets', { body: validIntake() });
  const { number } = opened.body as { number: string };
  if (opened.status === 202) {
    while ((await request(desk, who, `/tickets/${number}`)).status === 202) await sleep(500);
  } else if (opened.status !== 201) {
    throw new Error(`POST /tickets answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  }
  return number;
}
