import { ORGANIZATION } from './chaos-desk';
import { ATTEMPTS, isUnanswered, pause } from './desk-client';
import type { ClientRecord, JourneyContext } from './journey';

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
export async function openTicket(ctx: JourneyContext, record: ClientRecord, keyed: boolean) {
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
    if (typeof number === 'string' && answer.status === 201) return number;
    if (typeof number === 'string' && [202, 503].includes(answer.status)) {
      await untilRegistered(ctx, number);
      return number;
    }
    if (!isUnanswered(answer.status)) return undefined;
    if (!keyed) {
      const found = await newTicketOf(ctx);
      if (found) return found;
    }
    await pause(attempt);
  }
  return undefined;
}

/** A `202` create is pending: its location answers `202` until the ticket is registered, then `200`. */
async function untilRegistered(ctx: JourneyContext, number: string): Promise<void> {
  for (let look = 0; look < ATTEMPTS; look++) {
    const answer = await ctx.client.send('GET', `/tickets/${number}`, ctx.lane.token);
    if (answer.status === 200) return;
    await pause(look);
  }
}

async function newTicketOf(ctx: JourneyContext): Promise<string | undefined> {
  // Long enough for an API to re-send an intake its dead neighbour had written to the ledger (every 30 s).
  for (let look = 0; look < ATTEMPTS; look++) {
    const query = `/tickets?requesterEmail=${encodeURIComponent(ctx.lane.email)}&limit=100`;
    const answer = await ctx.client.send('GET', query, ctx.lane.token);
    const items = (answer.status === 200 && answer.body?.items) || [];
    const fresh = items.find((item) => !ctx.lane.known.has(item.number));
    if (fresh) return fresh.number;
    await pause(look);
  }
  return undefined;
}
