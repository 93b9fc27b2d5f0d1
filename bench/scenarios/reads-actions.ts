import { setTimeout as sleep } from 'node:timers/promises';
import { callApi, request, tierOneAgent } from '../api-client';
import { distribution, goal, measure, type Distribution } from '../measure';
import type { BenchDesk, BenchLog, FigureTable } from '../scenario';

interface TicketSeen {
  stage: string;
  assignee: string | null;
}

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
  if (open.length < 1 + COLD_ACTIONS + IN_FLIGHT_ACTIONS) throw new Error(`only ${open.length} open tickets`);
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
  await assign(open[0]!);
  const firstActionMs = performance.now() - restartedAt;

  const cold = open.slice(1, 1 + COLD_ACTIONS);
  const coldTimes: number[] = [];
  for (const number of cold) {
    const t0 = performance.now();
    await assign(number);
    coldTimes.push(performance.now() - t0);
  }
  const batch = open.slice(1 + COLD_ACTIONS);
  const coldInFlight = await measure(batch.length, concurrency, (i) => assign(batch[i]!));
  const warmInFlight = await measure(batch.length, concurrency, (i) =>
    act(batch[i]!, 'start-analysis', { note: 'looking into it' }, (t) => t.stage !== 'OPEN'),
  );

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
      row('first action after the restart', 1, distribution([firstActionMs])),
      row('assign, cold ticket', 1, distribution(coldTimes), COLD_GOAL_MS),
      row('assign, cold ticket', concurrency, coldInFlight, IN_FLIGHT_GOAL_MS),
      row('start-analysis, warm ticket', concurrency, warmInFlight, IN_FLIGHT_GOAL_MS),
    ],
  };
  const notes = [
    `The worker took ${(stoppedInMs / 1000).toFixed(1)} s to stop on SIGTERM; the first action's time runs from ` +
      'starting the worker process to the answer, so it holds the worker starting up and bundling its workflows.',
    `${pending} actions answered 202 (not confirmed within the API's update deadline) and were followed until ` +
      'the ticket showed them; their time runs to that moment.',
  ];
  return { table, notes };
}
