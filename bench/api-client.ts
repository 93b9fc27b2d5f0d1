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

/** A request to the desk's API as `person`; anything but the expected status is an error with its body. */
export async function callApi(
  desk: BenchDesk,
  person: DemoToken,
  path: string,
  options: { method?: string; body?: unknown; expect?: number } = {},
): Promise<unknown> {
  const response = await fetch(`${desk.apiUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${person.token}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const expected = options.expect ?? (options.method === 'POST' || options.body ? 201 : 200);
  if (response.status !== expected) {
    throw new Error(`${options.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** Opens one ticket as the requester, with a complete request; resolves with its number once recorded. */
export async function openTicket(desk: BenchDesk, who = requester(desk)): Promise<string> {
  const ticket = (await callApi(desk, who, '/tickets', { body: validIntake(), expect: 201 })) as {
    number: string;
  };
  return ticket.number;
}
