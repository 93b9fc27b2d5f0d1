import { setTimeout as sleep } from 'node:timers/promises';
import { callApi, request, tierOneAgent } from '../api-client';
import { charged, type CpuSeconds } from '../cpu-time';
import { distribution, goal, measure, type Distribution } from '../measure';
import type { BenchDesk, BenchLog, FigureTable } from '../scenario';

/** What a batch of calls at several in flight cost each process, for the CPU table. */
export interface ChargedCalls {
  what: string;
  calls: number;
  cpu: CpuSeconds;
}

interface TicketSeen {
  stage: string;
  assignee: string | null;
}

const FIRST_ACTION_GOAL_MS = 2_000;
const COLD_GOAL_MS = 500;
const IN_FLIGHT_GOAL_MS = 300;
const COLD_ACTIONS = 30;
const IN_FLIGHT_ACTIONS = 100;

/**
 * Actions after a worker restart: the first one waits for the worker to come up, the next ones each replay
 * their ticket's history into an empty cache (cold); then, at several in flight, assign on tickets not yet
 * touched (cold) and start-analysis on those same tickets, now in the cache (warm).
 */
export async function actionFigures(desk: BenchDesk, concurrency: number, log: BenchLog) {
  const agent = tierOneAgent(desk);
  const open = (await desk
    .db('tickets')
    .where({ stage: 'OPEN' })
    .orderByRaw('random()')
    .limit(1 + COLD_ACTIONS + IN_FLIGHT_ACTIONS)
    .pluck('number')) as string[];
  if (open.length < 3) throw new Error(`actions need 3 open tickets or more, ${open.length} are open`);
  // With fewer open tickets than the figures want, the one-at-a-time and in-flight figures share them.
  const coldCount = Math.min(COLD_ACTIONS, Math.floor((open.length - 1) / 2));
  let pending = 0;
  // A 202 (not confirmed within the API's update deadline) is followed until the ticket shows the change.
  const act = async (number: string, action: string, body: unknown, done: (t: TicketSeen) => boolean) => {
    const answer = await request(desk, agent, `/tickets/${number}/actions/${action}`, { body });
    if (answer.status === 200) return;
    if (answer.status !== 202)
      throw new Error(`${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    pending += 1;
    while (!done((await callApi(desk, agent, `/tickets/${number}`)) as TicketSeen)) await sleep(250);
  };
  const assign = (number: string) =>
    act(number, 'assign', { engineer: agent.email }, (t) => t.assignee === agent.email);

  log('restarting the worker, so every ticket is cold');
  const stoppedInMs = await desk.worker.stop();
  const restartedAt = performance.now();
  await desk.worker.start();
  const pollingAt = performance.now();
  await assign(open[0]!);
  const firstActionMs = performance.now() - pollingAt;

  const cold = open.slice(1, 1 + coldCount);
  const coldTimes: number[] = [];
  for (const number of cold) {
    const t0 = performance.now();
    await assign(number);
    coldTimes.push(performance.now() - t0);
  }
  const batch = open.slice(1 + coldCount);
  const roots = () => desk.processRoots();
  const coldCharged = await charged(roots, () =>
    measure(batch.length, concurrency, (i) => assign(batch[i]!)),
  );
  const warmCharged = await charged(roots, () =>
    measure(batch.length, concurrency, (i) =>
      act(batch[i]!, 'start-analysis', { note: 'looking into it' }, (t) => t.stage !== 'OPEN'),
    ),
  );
  const [coldInFlight, warmInFlight] = [coldCharged.result, warmCharged.result];

  const row = (what: string, inFlight: number, d: Distribution, goalMs?: number) => [
    what,
    inFlight,
    d.count,
    d.p50,
    d.p99,
    d.max,
    goalMs === undefined ? '' : goal(d.p99, goalMs),
  ];
  const table: FigureTable = {
    title: 'actions after a worker restart',
    columns: ['action', 'in flight', 'count', 'p50 ms', 'p99 ms', 'max ms', 'goal'],
    rows: [
      row('worker process start → polling', 1, distribution([pollingAt - restartedAt])),
      row('polling → first action answered', 1, distribution([firstActionMs]), FIRST_ACTION_GOAL_MS),
      row('assign, cold ticket', 1, distribution(coldTimes), COLD_GOAL_MS),
      row('assign, cold ticket', concurrency, coldInFlight, IN_FLIGHT_GOAL_MS),
      row('start-analysis, warm ticket', concurrency, warmInFlight, IN_FLIGHT_GOAL_MS),
    ],
  };
  const notes = [
    `The worker took ${(stoppedInMs / 1000).toFixed(1)} s to stop on SIGTERM. Its start is timed until the server ` +
      'lists its pid among the workflow pollers; the first action from then until the API answers it.',
    `${pending} actions answered 202 (not confirmed within the API's update deadline) and were followed until ` +
      'the ticket showed them; their time runs to that moment.',
  ];
  const cpu: ChargedCalls[] = [
    { what: 'assign, cold ticket', calls: coldInFlight.count, cpu: coldCharged.cpu },
    { what: 'start-analysis, warm ticket', calls: warmInFlight.count, cpu: warmCharged.cpu },
  ];
  return { table, notes, cpu };
}
