import type { TicketView } from '../domain/ticket-view';
import { ATTEMPTS, isUnanswered, pause } from './desk-client';
import { journeyKinds, markerOf, type ClientRecord, type JourneyContext } from './journey';
import { replyByMail } from './mail-replies';
import { openTicket } from './ticket-creation';

export async function runJourney(ctx: JourneyContext, scenario: string, index: number) {
  const kind = journeyKinds[index % journeyKinds.length]!;
  const record: ClientRecord = {
    marker: markerOf(scenario, index),
    kind,
    createAnswers: [],
    number: undefined,
    unfinished: [],
  };
  record.number = await openTicket(ctx, record, index % 2 === 0);
  if (!record.number) return record;
  ctx.lane.known.add(record.number);
  const number = record.number;
  let stuck = false;
  const step = async (
    action: string,
    body: unknown,
    done: (t: TicketView) => boolean,
    token = ctx.agent.token,
  ) => {
    const key = `${record.marker.replaceAll(' ', '-')}-${action}`;
    const trail: string[] = [];
    if (stuck || (await act(ctx, { number, action, body, done, token, key, trail }))) return;
    record.unfinished.push(`${action} (answered ${trail.join(' ')})`);
    stuck = true;
  };
  if (kind === 'mail-reply') await replyByMail(ctx, record, number);
  await step('assign', { engineer: ctx.agent.email }, (t) => t.assignee === ctx.agent.email);
  if (kind === 'assigned') return record;
  await step('start-analysis', {}, (t) => t.stage !== 'OPEN');
  await step('propose-solution', { solution: 'reseated the paper tray' }, (t) => t.solution !== null);
  await step('start-testing', {}, (t) => t.stageEnteredAt?.CUSTOMER_TESTING !== undefined);
  // The silence tickets stay untouched: their one-minute timer must close them (R9).
  if (kind === 'silence') return record;
  await step('accept', { comment: 'prints again' }, (t) => t.verification !== null, ctx.lane.token);
  await step('close', { resolution: 'tray reseated, rollers cleaned' }, (t) => t.stage === 'CLOSED');
  return record;
}

interface Step {
  number: string;
  action: string;
  body: unknown;
  done: (ticket: TicketView) => boolean;
  token: string;
  key: string;
  /** What each attempt was answered, for the report of a client that gave up. */
  trail: string[];
}

async function act(ctx: JourneyContext, step: Step): Promise<boolean> {
  const { number, action, body, done, token, key, trail } = step;
  // One key for every attempt: a repeat joins the first instead of acting twice.
  const headers = { 'idempotency-key': key };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answer = await ctx.client.send(
      'POST',
      `/tickets/${number}/actions/${action}`,
      token,
      body,
      headers,
    );
    trail.push(String(answer.status));
    if (answer.status === 200) return true;
    if (answer.status === 202 && answer.location) {
      const outcome = await actionOutcome(ctx, answer.location, token);
      trail.push(`(${outcome})`);
      if (outcome === 'applied') return true;
      if (outcome === 'pending') continue;
    } else if (!isUnanswered(answer.status) && answer.status !== 409) return false;
    // Refused, lost, 409 (perhaps our own earlier attempt landed) or no answer: read before retrying.
    const ticket = await ctx.client.read(number, token);
    if (ticket && done(ticket)) return true;
    if (answer.status === 409 && ticket) return false;
    await pause(attempt);
  }
  return false;
}

/** Polls where a 202 said to look: applied, refused, lost before Temporal stored it (404), or still pending. */
async function actionOutcome(ctx: JourneyContext, location: string, token: string) {
  const path = location.replace(/^https?:\/\/[^/]+/, '');
  for (let look = 0; look < ATTEMPTS; look++) {
    const answer = await ctx.client.send('GET', path, token);
    if (answer.status === 200) return answer.body?.status === 'applied' ? 'applied' : 'refused';
    if (answer.status === 404) return 'lost';
    await pause(look);
  }
  return 'pending';
}
