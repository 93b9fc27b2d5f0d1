import { describe, expect, it } from 'vitest';
import { useReportTickets } from './support/report-tickets';

const t = await useReportTickets('reports_resolution', 931_000_000);

describe('the mean time to resolve', () => {
  it('averages received-to-closed over the tickets resolved, and counts the ones closed unresolved apart', async () => {
    const minutesOf = async (name: string) => {
      const ticket = (await t.manager.get(`/tickets/${t.numbers[name]}`)).body;
      return (Date.parse(ticket.closedAt) - Date.parse(ticket.receivedAt)) / 60_000;
    };
    const [n1, n2, s3] = [await minutesOf('N1'), await minutesOf('N2'), await minutesOf('S3')];
    const body = await t.report('/reports/resolution-time');
    expect(body.rows.map((r: any) => [r.priority, r.resolved, r.closedUnresolved])).toEqual([
      ['P1', 2, 0],
      ['P2', 1, 0],
      ['P3', 0, 1],
    ]);
    // Rounded to two decimals by the report.
    const expectMean = (reported: number, exact: number) =>
      expect(Math.abs(reported - exact)).toBeLessThanOrEqual(0.005);
    expectMean(body.rows[0].meanMinutesToResolve, (n1 + n2) / 2);
    expectMean(body.rows[1].meanMinutesToResolve, s3);
    expect(body.rows[2].meanMinutesToResolve).toBeNull();
    expect(body.total).toMatchObject({ resolved: 3, closedUnresolved: 1 });
    expectMean(body.total.meanMinutesToResolve, (n1 + n2 + s3) / 3);
  });

  it('counts the tickets by the day they closed', async () => {
    const closedAt = async (name: string) =>
      (await t.manager.get(`/tickets/${t.numbers[name]}`)).body.closedAt;
    const closedDays = [await closedAt('N1'), await closedAt('N2'), await closedAt('S3')].map((at) =>
      at.slice(0, 10),
    );
    const day = closedDays[0]!;
    const thatDay = await t.report(`/reports/resolution-time?from=${day}&to=${day}`);
    expect(thatDay.total.resolved).toBe(closedDays.filter((closed) => closed === day).length);
    const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    const none = await t.report(`/reports/resolution-time?to=${before}`);
    expect(none).toMatchObject({
      rows: [],
      total: { resolved: 0, meanMinutesToResolve: null, closedUnresolved: 0 },
    });
  });
});

describe('the CSAT report', () => {
  it('averages the scores per organization and over all answers', async () => {
    const body = await t.report('/reports/csat');
    expect(body.rows).toEqual([
      { organization: t.north.organization.name, responses: 2, averageScore: 4.5, satisfiedPct: 100 },
      { organization: t.south.organization.name, responses: 1, averageScore: 2, satisfiedPct: 0 },
    ]);
    expect(body.total).toEqual({ responses: 3, averageScore: 3.67, satisfiedPct: 66.7 });
  });
});
