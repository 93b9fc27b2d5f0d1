import { demoPerson } from '../api-client';
import { distribution } from '../measure';
import type { BenchDesk, FigureTable } from '../scenario';

// Clear of the numbers the desk's sequence hands out (from 100001) to the tickets other scenarios open.
export const FIRST_NUMBER = 800_000_001;
export const year = { from: '2025-12-01', to: '2026-11-30' };

export interface Timed {
  label: string;
  p50: number;
  max: number;
}

const READS = 20;
const DEEP_PAGE = 50;

/**
 * The list, the queue, one ticket and a deep page of breaches, READS times each, with a year of closed
 * tickets beside the open ones.
 */
export async function timeReads(desk: BenchDesk, deepPage: string): Promise<Timed[]> {
  const manager = demoPerson(desk, (person) => person.role === 'manager');
  const paths = {
    'GET /tickets (newest 50)': '/tickets?limit=50',
    'GET /queue': '/queue?limit=50',
    'GET /tickets/{n} (a closed one)': `/tickets/TF-${FIRST_NUMBER + 4242}`,
    [`breaches of the year, page ${DEEP_PAGE} of 1000 rows`]: deepPage,
  };
  const timed: Timed[] = [];
  for (const [label, path] of Object.entries(paths)) {
    const latencies = [];
    for (let i = 0; i < READS; i++) latencies.push(await timeGet(desk, manager.token, path));
    const { p99, max } = distribution(latencies);
    timed.push({ label, p50: distribution(latencies).p50, max: Math.max(p99, max) });
  }
  return timed;
}

/** A page far into the year's breaches: a keyset page should cost what the first one costs. */
export async function deepBreachesPage(desk: BenchDesk): Promise<string> {
  const { token } = demoPerson(desk, (person) => person.role === 'manager');
  const first = `/reports/breaches?from=${year.from}&to=${year.to}&limit=1000`;
  let path = first;
  for (let page = 1; page < DEEP_PAGE; page++) {
    const response = await fetch(`${desk.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const { next } = (await response.json()) as { next?: string };
    if (!next) break;
    path = `${first}&after=${next}`;
  }
  return path;
}

export async function timeGet(desk: BenchDesk, token: string, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${desk.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return performance.now() - started;
}

export function readsTable(withIndexes: Timed[], withoutIndexes: Timed[]): FigureTable {
  return {
    title: `reads beside the year of closed tickets (${READS} each, one at a time)`,
    columns: ['read', 'p50 ms', 'p99 ms', 'p50 ms without the read indexes'],
    rows: withIndexes.map((timed, i) => [timed.label, timed.p50, timed.max, withoutIndexes[i]?.p50 ?? '']),
  };
}
