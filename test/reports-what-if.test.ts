import { describe, expect, it } from 'vitest';
import { day, useSlaReportTickets } from './support/sla-report-tickets';

const sla = await useSlaReportTickets('reports_what_if');

const figures = (
  responseBreaches: number,
  resolutionBreaches: number,
  automatic: number,
  manager: number,
) => ({
  responseBreaches,
  resolutionBreaches,
  automaticEscalations: automatic,
  managerDecisions: manager,
});

/** Both sides of each figure (response, resolution, automatic escalations, manager), as a total carries them. */
const sides = (...pairs: [number, number][]) => {
  const names = ['responseBreaches', 'resolutionBreaches', 'automaticEscalations', 'managerDecisions'];
  const cells = names.flatMap((name, i) => [
    [`${name}Before`, pairs[i]![0]],
    [`${name}After`, pairs[i]![1]],
  ]);
  return Object.fromEntries(cells);
};
const row = (priority: string, tier: string, ...pairs: [number, number][]) => ({
  priority,
  tier,
  ...sides(...pairs),
});

// The paths are told in test/support/sla-report-tickets.ts; all on brocent-24x7, plain minutes:
// P1 response 15, Tier 1 frame 60, Tier 2 120, Tier 3 240. Actions at "16" came 16 minutes after intake.
const ask = (proposed: unknown) => {
  const period = { from: day(sla.received.A!), to: day(sla.received.G!) };
  return sla.ask('/reports/what-if', { ...period, proposed });
};

describe('the SLA what-if: last period’s tickets replayed against a proposed policy', () => {
  it('finds nothing changed when the proposal is the policy the tickets had, and agrees with the desk’s record', async () => {
    const answer = await ask({ policyId: 'brocent-24x7' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ tickets: 7, approximate: 0, changes: [] });
    // B, F and G breached their response; F ran out of resolution time, E was closed unresolved by the
    // manager it reached by hand; F's Tier 1 and Tier 2 frames ran out.
    expect(answer.body.total).toEqual(sides([3, 3], [2, 2], [2, 2], [1, 1]));
    const compliance = await sla.report(`/reports/sla-compliance?from=${day(sla.received.A!)}`);
    expect([compliance.total.responseBreached, compliance.total.resolutionBreached]).toEqual([3, 2]);
  });

  it('answers "what if Tier 1 were 2 business hours": F climbs later, so it is an estimate; nothing else moves', async () => {
    const answer = await ask({ tierMinutes: { TIER_1: 120 } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // F: Tier 1 runs out at 120 instead of 60, Tier 2 at 240 instead of 180, the moment its resolution
    // breached (which the workflow counts first, so that breach now happens at Tier 2).
    expect(answer.body.rows).toEqual([
      row('P1', 'TIER_1', [3, 3], [0, 0], [1, 1], [0, 0]),
      row('P1', 'TIER_2', [0, 0], [0, 1], [1, 1], [0, 0]),
      row('P1', 'TIER_3', [0, 0], [1, 0], [0, 0], [0, 0]),
      row('P2', 'MANAGER', [0, 0], [1, 1], [0, 0], [1, 1]),
    ]);
    expect(answer.body.changes).toEqual([
      {
        number: sla.numbers.F,
        organization: sla.north,
        priority: 'P1',
        before: figures(1, 1, 2, 0),
        after: figures(1, 1, 2, 0),
        approximate: expect.stringMatching(
          /^it really escalated automatically from TIER_1 at .*, which the proposal/,
        ),
      },
    ]);
  });

  it('is exact for the tickets whose escalations the proposal leaves as they were', async () => {
    const answer = await ask({ targets: { P1: { responseMinutes: 20 } } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // B and G first answered at 16, now in time; F, never answered, still breaches, at 20.
    expect(answer.body.total).toEqual(sides([3, 1], [2, 2], [2, 2], [1, 1]));
    expect(answer.body.changes).toEqual([
      expect.objectContaining({ number: sla.numbers.B, after: figures(0, 0, 0, 0), approximate: null }),
      expect.objectContaining({ number: sla.numbers.G, after: figures(0, 0, 0, 0), approximate: null }),
    ]);
    expect(answer.body.approximate).toBe(0);
  });

  it('answers a tighter Tier 1 and a looser P1 response, per priority and tier, listing the tickets that change', async () => {
    const answer = await ask({ tierMinutes: { TIER_1: 15 }, targets: { P1: { responseMinutes: 20 } } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // B and G acted at 16: within a 20-minute response, after a 15-minute Tier 1. F, left alone, climbs at 15
    // and 135 and breaches its response at 20, at Tier 2.
    expect(answer.body.rows).toEqual([
      row('P1', 'TIER_1', [3, 0], [0, 0], [1, 3], [0, 0]),
      row('P1', 'TIER_2', [0, 1], [0, 0], [1, 1], [0, 0]),
      row('P1', 'TIER_3', [0, 0], [1, 1], [0, 0], [0, 0]),
      row('P2', 'MANAGER', [0, 0], [1, 1], [0, 0], [1, 1]),
    ]);
    expect(answer.body.total).toEqual(sides([3, 1], [2, 2], [2, 4], [1, 1]));
    const earlier = expect.stringMatching(/^the proposal escalates it automatically from TIER_1 at /);
    expect(answer.body.changes).toEqual([
      {
        number: sla.numbers.B,
        organization: sla.south,
        priority: 'P1',
        before: figures(1, 0, 0, 0),
        after: figures(0, 0, 1, 0),
        approximate: earlier,
      },
      {
        number: sla.numbers.F,
        organization: sla.north,
        priority: 'P1',
        before: figures(1, 1, 2, 0),
        after: figures(1, 1, 2, 0),
        approximate: earlier,
      },
      {
        number: sla.numbers.G,
        organization: sla.north,
        priority: 'P4',
        before: figures(1, 0, 0, 0),
        after: figures(0, 0, 1, 0),
        approximate: earlier,
      },
    ]);
    expect(answer.body.approximate).toBe(3);
  });

  it('gives the same rows as CSV, the total last', async () => {
    const body = {
      from: day(sla.received.A!),
      to: day(sla.received.G!),
      proposed: { tierMinutes: { TIER_1: 15 } },
    };
    const answer = await sla.ask('/reports/what-if?format=csv', body);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toContain(
      `what-if_from-${body.from}_to-${body.to}.csv`,
    );
    const lines = (answer.body as string).split('\r\n');
    expect(lines[0]).toBe(
      'priority,tier,responseBreachesBefore,responseBreachesAfter,resolutionBreachesBefore,resolutionBreachesAfter,' +
        'automaticEscalationsBefore,automaticEscalationsAfter,managerDecisionsBefore,managerDecisionsAfter',
    );
    expect(lines.at(-2)).toBe('total,,3,3,2,2,2,4,1,1');
  });

  it('names the field of a proposal it cannot measure by, and of a malformed one', async () => {
    const unknown = await ask({ policyId: 'no-such-policy', calendarId: 'nowhere' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'proposed.policyId',
      'proposed.calendarId',
    ]);
    const malformed = await ask({ tierMinutes: { TIER_1: 0, TIER_9: 5 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'proposed.tierMinutes.TIER_1',
      'proposed.tierMinutes.TIER_9',
    ]);
    const nothing = await ask({});
    expect(nothing.status).toBe(422);
    expect(nothing.body.errors[0].field).toBe('proposed');
  });
});
