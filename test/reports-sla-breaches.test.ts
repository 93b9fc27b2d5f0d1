import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi/document';
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
});
