import { describe, expect, it } from 'vitest';
import { iso, useSlaReportTickets } from './support/sla-report-tickets';

const sla = await useSlaReportTickets('reports_sla_ladder');

describe('escalations and backlog with the ladder’s own moves', () => {
  it('counts escalations per rung, telling the ones a running-out time frame made from the ones by hand', async () => {
    const body = await sla.report('/reports/escalations');
    expect(body.rows).toEqual([
      { fromTier: 'TIER_1', toTier: 'TIER_2', escalations: 3, automatic: 1, manual: 2, tickets: 3 },
      { fromTier: 'TIER_2', toTier: 'TIER_3', escalations: 3, automatic: 1, manual: 2, tickets: 3 },
      { fromTier: 'TIER_3', toTier: 'ONSITE', escalations: 2, automatic: 0, manual: 2, tickets: 2 },
      { fromTier: 'ONSITE', toTier: 'MANAGER', escalations: 1, automatic: 0, manual: 1, tickets: 1 },
    ]);
    expect(body.total).toEqual({ escalations: 9, automatic: 2, manual: 7, tickets: 3 });
  });

  it('shows the open tickets by stage and tier with their SLA states', async () => {
    const { received } = sla;
    const body = await sla.report('/reports/backlog');
    const cell = { atRisk: 0, breached: 0, waitingOnClient: 0 };
    expect(body.rows).toEqual([
      {
        stage: 'OPEN',
        tier: 'TIER_1',
        tickets: 1,
        ...cell,
        waitingOnClient: 1,
        oldestReceivedAt: iso(received.C!),
      },
      { stage: 'OPEN', tier: 'TIER_3', tickets: 1, ...cell, breached: 1, oldestReceivedAt: iso(received.F!) },
      // Its SLA state is paused: the backlog shows states now, the compliance report the breach it had.
      {
        stage: 'ANALYSIS',
        tier: 'TIER_1',
        tickets: 1,
        ...cell,
        waitingOnClient: 1,
        oldestReceivedAt: iso(received.G!),
      },
      {
        stage: 'SOLUTION',
        tier: 'TIER_1',
        tickets: 1,
        ...cell,
        breached: 1,
        oldestReceivedAt: iso(received.B!),
      },
      { stage: 'SOLUTION', tier: 'ONSITE', tickets: 1, ...cell, oldestReceivedAt: iso(received.D!) },
    ]);
    expect(body.total).toEqual({
      tickets: 5,
      atRisk: 0,
      breached: 2,
      waitingOnClient: 2,
      oldestReceivedAt: iso(received.D!),
    });
  });
});
