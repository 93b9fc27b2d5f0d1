import { describe, expect, it } from 'vitest';
import { brocent24x7Policy } from '../domain/sla-seeds';
import { replayTicket, type TicketFacts } from '../domain/sla-replay';

// brocent-24x7, P3: response 120, resolution 1440, the Tier 1 frame 60 minutes, every minute counted.
const receivedAt = '2026-03-02T09:00:00.000Z';
const after = (minutes: number) => new Date(Date.parse(receivedAt) + minutes * 60_000).toISOString();

function heldTicket(...events: [number, string][]): TicketFacts {
  return {
    number: 'TF-900001',
    receivedAt,
    priority: 'P3',
    partsLeadMinutes: 0,
    fieldWork: null,
    onsitePromiseMinutes: null,
    events: events.map(([minutes, type], i) => ({
      seq: i + 1,
      type,
      stage: 'OPEN',
      actor: 'ana.ruiz@acme.example',
      at: after(minutes),
      data: {},
    })),
  };
}

describe('the what-if replay of a held ticket (R5)', () => {
  it('lets no reply while held restart the clocks: the frame runs out only after the release', async () => {
    const facts = heldTicket([20, 'held'], [30, 'reply-received'], [300, 'released']);
    // Held at 20 with 40 minutes of the frame left: it runs out 40 minutes after the release, not after the reply.
    expect(await replayTicket(facts, brocent24x7Policy, after(350))).toEqual([
      { kind: 'automatic-escalation', at: after(340), priority: 'P3', tier: 'TIER_1' },
    ]);
  });
});
