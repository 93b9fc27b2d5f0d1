import { describe, expect, it } from 'vitest';
import { useReportTickets } from './support/report-tickets';

const t = await useReportTickets('reports_backlog', 930_000_000);

describe('the backlog report', () => {
  it('counts the open tickets by stage and tier, in procedure and ladder order', async () => {
    const body = await t.report('/reports/backlog');
    const counts = body.rows.map((r: any) => [r.stage, r.tier, r.tickets]);
    expect(counts).toEqual([
      ['OPEN', 'TIER_1', 2],
      ['OPEN', 'TIER_3', 1],
      ['ANALYSIS', 'TIER_2', 1],
      ['SOLUTION', 'TIER_1', 1],
    ]);
    const n3 = (await t.manager.get(`/tickets/${t.numbers.N3}`)).body;
    expect(body.rows[0]).toEqual({
      stage: 'OPEN',
      tier: 'TIER_1',
      tickets: 2,
      atRisk: 0,
      breached: 0,
      waitingOnClient: 0,
      oldestReceivedAt: n3.receivedAt,
    });
    expect(body.total).toMatchObject({ tickets: 5, oldestReceivedAt: n3.receivedAt });
  });

  it('keeps to one organization or one priority', async () => {
    const northOnly = await t.report(
      `/reports/backlog?organization=${encodeURIComponent(t.north.organization.name)}`,
    );
    expect(northOnly.rows.map((r: any) => [r.stage, r.tier, r.tickets])).toEqual([
      ['OPEN', 'TIER_1', 2],
      ['ANALYSIS', 'TIER_2', 1],
    ]);
    const p3 = await t.report('/reports/backlog?priority=P3');
    expect(p3.rows.map((r: any) => [r.stage, r.tier, r.tickets])).toEqual([
      ['OPEN', 'TIER_1', 2],
      ['OPEN', 'TIER_3', 1],
    ]);
    expect(p3.filters).toEqual({ priority: 'P3' });
  });
});

describe('the escalations report', () => {
  it('counts the escalations by hand per rung of the ladder, and the tickets escalated', async () => {
    const body = await t.report('/reports/escalations');
    expect(body.rows).toEqual([
      { fromTier: 'TIER_1', toTier: 'TIER_2', escalations: 4, automatic: 0, manual: 4, tickets: 4 },
      { fromTier: 'TIER_2', toTier: 'TIER_3', escalations: 2, automatic: 0, manual: 2, tickets: 2 },
      { fromTier: 'TIER_3', toTier: 'ONSITE', escalations: 1, automatic: 0, manual: 1, tickets: 1 },
      { fromTier: 'ONSITE', toTier: 'MANAGER', escalations: 1, automatic: 0, manual: 1, tickets: 1 },
    ]);
    expect(body.total).toEqual({ escalations: 8, automatic: 0, manual: 8, tickets: 4 });
    const northOnly = await t.report(
      `/reports/escalations?organization=${encodeURIComponent(t.north.organization.name)}`,
    );
    expect(northOnly.total).toEqual({ escalations: 1, automatic: 0, manual: 1, tickets: 1 });
  });
});
