import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi/document';
import { reports } from '../desk/reports';
import { useReportTickets } from './support/report-tickets';

const t = await useReportTickets('reports_download', 932_000_000);

const today = () => new Date().toISOString().slice(0, 10);

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.stack.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${t.desk.manager.token}`, ...headers },
  });
  expect(response.status).toBe(200);
  return {
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
}

describe('reports as CSV', () => {
  it('downloads the same rows and the total for ?format=csv, quoting what needs quoting', async () => {
    const csv = await download('/reports/csat?format=csv');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe('attachment; filename=csat.csv');
    const northName = t.north.organization.name.replaceAll('"', '""');
    expect(csv.text).toBe(
      'organization,responses,averageScore,satisfiedPct\r\n' +
        `"${northName}",2,4.5,100\r\n` +
        `${t.south.organization.name},1,2,0\r\n` +
        'total,3,3.67,66.7\r\n',
    );
  });

  it('answers CSV to a client that accepts text/csv, named for the period', async () => {
    const csv = await download(`/reports/escalations?from=2026-01-01&to=${today()}`, { accept: 'text/csv' });
    expect(csv.disposition).toBe(`attachment; filename=escalations_from-2026-01-01_to-${today()}.csv`);
    expect(csv.text.split('\r\n')).toEqual([
      'fromTier,toTier,escalations,automatic,manual,tickets',
      'TIER_1,TIER_2,4,0,4,4',
      'TIER_2,TIER_3,2,0,2,2',
      'TIER_3,ONSITE,1,0,1,1',
      'ONSITE,MANAGER,1,0,1,1',
      'total,,8,0,8,4',
      '',
    ]);
    const json = await download('/reports/escalations', { accept: 'application/json, text/csv;q=0.5' });
    expect(json.type).toMatch(/^application\/json/);
  });
});

describe('the reports’ documentation', () => {
  it('describes every report’s JSON answer as it is served', async () => {
    const validator = new Validator();
    await validator.validate(structuredClone(openApiDocument()));
    const { paths } = validator.resolveRefs() as any;
    const ajv = addFormats(new Ajv2020({ allErrors: true, allowUnionTypes: true }));
    // No clock breaches in the seconds these tickets live: test/reports-sla-breaches.test.ts checks that
    // list's shape.
    for (const { name } of reports.filter((report) => report.name !== 'breaches')) {
      const schema = paths[`/reports/${name}`].get.responses[200].content['application/json'].schema;
      const body = await t.report(`/reports/${name}`);
      expect(ajv.validate(schema, body), `${name}: ${ajv.errorsText()}`).toBe(true);
      expect(body.rows.length, name).toBeGreaterThan(0);
    }
  });
});
