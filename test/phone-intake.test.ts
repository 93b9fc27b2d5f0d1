import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('phone and walk-in requests entered by an agent (R1, R2)', () => {
  it('a phone call is entered with the time it was received, and the ticket counts from then', async () => {
    const calledAt = minutesAgo(25);
    const entered = await suite.api.post(
      '/tickets',
      suite.people.acme.intake({ channel: 'phone', receivedAt: calledAt }),
    );
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ channel: 'phone', receivedAt: calledAt });
    expect(entered.body.timeline[0]).toMatchObject({
      type: 'opened',
      at: calledAt,
      actor: suite.people.acme.requester.email,
      data: { channel: 'phone', enteredBy: suite.people.agent.email },
    });
  });

  it('a walk-in given with a local time offset is stored as the same instant', async () => {
    const instant = DateTime.utc().minus({ minutes: 90 }).startOf('second');
    const local = instant.setZone('America/Bogota').toISO({ suppressMilliseconds: true })!;
    expect(local).toMatch(/-05:00$/);
    const entered = await suite.api.post(
      '/tickets',
      suite.people.acme.intake({ channel: 'walk-in', receivedAt: local }),
    );
    expect(entered.body.receivedAt).toBe(instant.toJSDate().toISOString());
  });

  it('an address the agent types with capitals is stored as the directory has it, lower-cased', async () => {
    const { requester } = suite.people.acme;
    const shouted = { name: requester.name, email: requester.email.toUpperCase(), phone: '+57 601 3557622' };
    const entered = await suite.api.post(
      '/tickets',
      suite.people.acme.intake({ channel: 'phone', receivedAt: minutesAgo(5), requester: shouted }),
    );
    expect(entered.status).toBe(201);
    expect(entered.body.requesterEmail).toBe(requester.email);
  });

  it('a phone ticket without the time of the call is refused, naming the field', async () => {
    const refused = await suite.api.post('/tickets', suite.people.acme.intake({ channel: 'phone' }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'receivedAt', message: 'required for phone and walk-in: when the call or visit was received' },
    ]);
  });

  it.each([
    // 422 for a time the document's schema allows; 400 for receivedAt on a channel the document refuses it on.
    ['in the future', { channel: 'phone', receivedAt: minutesAgo(-30) }, 'must not be in the future', 422],
    [
      'more than a week ago',
      { channel: 'walk-in', receivedAt: minutesAgo(8 * 24 * 60) },
      'at most 7 days ago',
      422,
    ],
    [
      'given for a portal request',
      { channel: 'portal', receivedAt: minutesAgo(5) },
      'only for phone and walk-in',
      400,
    ],
  ])('a received time %s is refused', async (_case, overrides, message, status) => {
    const refused = await suite.api.post('/tickets', suite.people.acme.intake(overrides));
    expect(refused.status).toBe(status);
    expect(refused.body.errors).toEqual([{ field: 'receivedAt', message }]);
  });
});
