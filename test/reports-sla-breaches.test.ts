import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi/document';
import { breaches } from '../desk/reports/breaches';
import { everyPage, type Row } from '../desk/reports/report';
import { fieldsOf } from './support/http';
import { day, iso, minutes, useSlaReportTickets } from './support/sla-report-tickets';

const sla = await useSlaReportTickets('reports_sla_breaches');

describe('the list of breaches', () => {
  it('lists every breach recorded, newest first, at the instant its clock ran out', async () => {
    const { north, south, received, numbers, report } = sla;
    const { rows } = await report('/reports/breaches');
    expect(rows).toEqual([
      {
        breachedAt: iso(received.F! + minutes(240)),
        ticketNumber: numbers.F,
        organization: north,
        priority: 'P1',
        clock: 'resolution',
        targetMinutes: 240,
        stageAtBreach: 'OPEN',
        stage: 'OPEN',
        tier: 'TIER_3',
        assignee: null,
      },
      {
        breachedAt: iso(received.G! + minutes(15)),
        ticketNumber: numbers.G,
        organization: north,
        priority: 'P4',
        clock: 'response',
        targetMinutes: 15,
        stageAtBreach: 'OPEN',
        stage: 'ANALYSIS',
        tier: 'TIER_1',
        assignee: 'eng.maria',
      },
      expect.objectContaining({
        breachedAt: iso(received.F! + minutes(15)),
        ticketNumber: numbers.F,
        clock: 'response',
        targetMinutes: 15,
      }),
      {
        breachedAt: iso(received.B! + minutes(15)),
        ticketNumber: numbers.B,
        organization: south,
        priority: 'P1',
        clock: 'response',
        targetMinutes: 15,
        stageAtBreach: 'OPEN',
        stage: 'SOLUTION',
        tier: 'TIER_1',
        assignee: 'eng.lucia',
      },
    ]);
  });

  it('answers as the API document describes it', async () => {
    const validator = new Validator();
    await validator.validate(structuredClone(openApiDocument()));
    const { paths } = validator.resolveRefs() as any;
    const schema = paths['/reports/breaches'].get.responses[200].content['application/json'].schema;
    const ajv = addFormats(new Ajv2020({ allErrors: true, allowUnionTypes: true }));
    expect(ajv.validate(schema, await sla.report('/reports/breaches')), ajv.errorsText()).toBe(true);
  });

  it('keeps to the period, counted by when each clock ran out, and to the organization', async () => {
    const { south, received, numbers, report } = sla;
    const lastDay = day(received.F! + minutes(240));
    const { rows } = await report(`/reports/breaches?from=${lastDay}&to=${lastDay}`);
    const breachTimes = [
      received.F! + minutes(240),
      received.G! + minutes(15),
      received.F! + minutes(15),
      received.B! + minutes(15),
    ];
    expect(rows.map((r: any) => r.breachedAt)).toEqual(
      breachTimes.filter((at) => day(at) === lastDay).map(iso),
    );
    const south_ = await report(`/reports/breaches?organization=${encodeURIComponent(south)}`);
    expect(south_.rows.map((r: any) => r.ticketNumber)).toEqual([numbers.B]);
  });

  it('answers a page at a time, each page from where the last ended, the pages together the whole list', async () => {
    const whole = (await sla.report('/reports/breaches')).rows;
    const pages: unknown[][] = [];
    let after: string | undefined;
    do {
      const page = await sla.report(`/reports/breaches?limit=1${after ? `&after=${after}` : ''}`);
      pages.push(page.rows);
      after = page.next;
    } while (after && pages.length <= whole.length);
    expect(pages.map((rows) => rows.length)).toEqual(whole.map(() => 1));
    expect(pages.flat()).toEqual(whole);
  });

  it('reads a download page after page until the last, each row once', async () => {
    const whole = (await sla.report('/reports/breaches')).rows;
    const onePerPage = { ...breaches, paged: { defaultLimit: 1, maxLimit: 1 } };
    const pages: Row[][] = [];
    for await (const rows of everyPage(onePerPage, sla.db, {})) pages.push(rows);
    expect(pages).toEqual(whole.map((row: Row) => [row]));
  });

  it('downloads every row as CSV when no limit is asked, one line each after the header', async () => {
    const whole = (await sla.report('/reports/breaches')).rows;
    const csv = await sla.get('/reports/breaches?format=csv');
    const lines = (csv.body as string).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'breachedAt,ticketNumber,organization,priority,clock,targetMinutes,stageAtBreach,stage,tier,assignee',
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2))).toEqual(
      whole.map((row: any) => [row.breachedAt, row.ticketNumber]),
    );
  });

  // A cursor is any text to the API document, so one this report did not write breaks a rule (422).
  it('refuses a limit out of bounds and a cursor it did not write, naming the field', async () => {
    const forged = Buffer.from('["yesterday","TF-1","response"]').toString('base64url');
    for (const [query, field, status] of [
      ['limit=0', 'limit', 400],
      ['limit=10001', 'limit', 400],
      [`after=${forged}`, 'after', 422],
      ['after=not-a-cursor', 'after', 422],
    ] as const) {
      const answer = await sla.get(`/reports/breaches?${query}`);
      expect(answer.status, query).toBe(status);
      expect(fieldsOf(answer), query).toEqual([field]);
    }
  });
});
