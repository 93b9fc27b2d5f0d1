import type { TicketView } from '../domain/ticket';
import { ORGANIZATION, type Lane } from './chaos-desk';
import { ATTEMPTS, isUnanswered, pause, type DeskClient } from './desk-client';
import { replyByMail } from './mail-replies';

/** The four kinds of ticket each scenario drives, by the ticket's index. */
export const journeyKinds = ['silence', 'accepted', 'mail-reply', 'assigned'] as const;
export type JourneyKind = (typeof journeyKinds)[number];

/** What one client asked for and was told: the checks hold the desk to it. */
export interface ClientRecord {
  marker: string;
  kind: JourneyKind;
  /** Every status a create attempt was answered with. */
  createAnswers: number[];
  number: string | undefined;
  /** The Message-ID of the reply the listener took (250), which must then be on the ticket. */
  replyId?: string;
  /** The steps the client could not get done, with the last answer. */
  unfinished: string[];
}

export function markerOf(scenario: string, index: number): string {
  return `chaos ${scenario} ticket ${index}`;
}

export interface JourneyContext {
  client: DeskClient;
  lane: Lane & { known: Set<string> };
  agent: Lane;
  inboundPort: number;
}

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
    if (stuck || (await act(ctx, number, action, body, done, token))) return;
    record.unfinished.push(action);
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

function intake(ctx: JourneyContext, marker: string) {
  return {
    requester: { name: ctx.lane.name, email: ctx.lane.email, phone: '+57 601 3557622' },
    organization: ORGANIZATION,
    site: { address: 'Cra 7 #71-21', building: 'Torre B', room: '402' },
    siteContact: { name: 'Luis Gómez', phone: '+57 350 318 9922' },
    affected: 'Floor printer',
    description: `${marker}: the printer jams on every page`,
    impact: 'low',
    urgency: 'low',
    channel: 'api',
  };
}

/** Keyed creates retry with their key; unkeyed ones look for a new ticket of this requester first. */
async function openTicket(ctx: JourneyContext, record: ClientRecord, keyed: boolean) {
  const headers: Record<string, string> = keyed
    ? { 'idempotency-key': record.marker.replaceAll(' ', '-') }
    : {};
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answer = await ctx.client.send(
      'POST',
      '/tickets',
      ctx.lane.token,
      intake(ctx, record.marker),
      headers,
    );
    record.createAnswers.push(answer.status);
    const number: unknown = answer.body?.number;
    if (typeof number === 'string' && [201, 202, 503].includes(answer.status)) return number;
    if (!isUnanswered(answer.status)) return undefined;
    if (!keyed) {
      const found = await newTicketOf(ctx);
      if (found) return found;
    }
    await pause(attempt);
  }
  return undefined;
}

async function newTicketOf(ctx: JourneyContext): Promise<string | undefined> {
  for (let look = 0; look < 3; look++) {
    const query = `/tickets?requesterEmail=${encodeURIComponent(ctx.lane.email)}&limit=100`;
    const answer = await ctx.client.send('GET', query, ctx.lane.token);
    const items = (answer.status === 200 && answer.body?.items) || [];
    const fresh = items.find((item) => !ctx.lane.known.has(item.number));
    if (fresh) return fresh.number;
    await pause(look);
  }
  return undefined;
}

async function act(
  ctx: JourneyContext,
  number: string,
  action: string,
  body: unknown,
  done: (ticket: TicketView) => boolean,
  token: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const path = `/tickets/${number}/actions/${action}`;
    const answer = await ctx.client.send('POST', path, token, body);
    if (answer.status === 200) return true;
    if (answer.status !== 202 && !isUnanswered(answer.status) && answer.status !== 409) return false;
    // 202 (pending), 409 (perhaps our own earlier attempt landed) and no answer: read before retrying.
    const ticket = await ctx.client.read(number, token);
    if (ticket && done(ticket)) return true;
    if (answer.status === 409 && ticket) return false;
    await pause(attempt);
  }
  return false;
}
