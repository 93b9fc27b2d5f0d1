import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

/** `customer-support-sop`, the policy of an organization without a contract: P2 response target. */
const P2_RESPONSE_MINUTES = 60;

/**
 * A refused request under an organization and key of its own, so "nothing written" races no other test:
 * 400 when it does not fit the documented schema, 422 when it does but names parts the catalog refuses.
 */
async function refuse(partReplacement: unknown, status = 400) {
  const customer = await suite.people.customer('Parts');
  const key = randomUUID();
  const answer = await suite.api.post('/tickets', customer.intake({ partReplacement }), {
    'Idempotency-Key': key,
  });
  expect(answer.status).toBe(status);
  const organization = customer.organization.name;
  expect(await suite.stack.db('tickets').where({ organization }).count({ n: '*' })).toEqual([{ n: '0' }]);
  expect(await suite.stack.db('ticket_requests').where({ idempotency_key: key }).count({ n: '*' })).toEqual([
    { n: '0' },
  ]);
  return answer.body.errors;
}

describe('a request that needs a part replacement names its parts (R3)', () => {
  it('without part numbers it answers 400 on partReplacement.parts and writes nothing', async () => {
    expect(await refuse({})).toEqual([{ field: 'partReplacement.parts', message: 'required' }]);
    expect(await refuse({ parts: [] })).toEqual([
      { field: 'partReplacement.parts', message: 'at least one part number (R3)' },
    ]);
    expect(await refuse({ parts: [{ warehouse: 'bogota' }] })).toEqual([
      { field: 'partReplacement.parts.0.partNumber', message: 'required' },
    ]);
  });

  it('lists every unknown part number at once', async () => {
    const parts = [{ partNumber: 'NO-SUCH-1' }, { partNumber: 'APCRBC133' }, { partNumber: 'NO-SUCH-2' }];
    expect(await refuse({ parts }, 422)).toEqual([
      { field: 'partReplacement.parts.0.partNumber', message: 'unknown part number' },
      { field: 'partReplacement.parts.2.partNumber', message: 'unknown part number' },
    ]);
  });

  it('refuses a warehouse that does not stock the part, naming those that do', async () => {
    expect(await refuse({ parts: [{ partNumber: 'MZ7L3960HCJR', warehouse: 'bogota' }] }, 422)).toEqual([
      {
        field: 'partReplacement.parts.0.warehouse',
        message: 'bogota does not stock this part; stocked at singapore, shenzhen',
      },
    ]);
  });

  it('ships each part from the warehouse named, or the fastest, and the slowest counts into the response target', async () => {
    const parts = [{ partNumber: 'APCRBC133' }, { partNumber: 'PWR-C1-715WAC', warehouse: 'shenzhen' }];
    const customer = await suite.people.customer('Parts');
    const opened = await suite.api.post('/tickets', customer.intake({ partReplacement: { parts } }));
    expect(opened.status).toBe(201);
    expect(opened.body.priority).toBe('P2');
    expect(opened.body.timeline[0].data.parts).toEqual([
      { partNumber: 'APCRBC133', warehouse: 'bogota', leadMinutes: 240 },
      { partNumber: 'PWR-C1-715WAC', warehouse: 'shenzhen', leadMinutes: 4320 },
    ]);
    expect(opened.body.sla.response.targetMinutes).toBe(P2_RESPONSE_MINUTES + 4320);
  });
});

describe('GET /parts', () => {
  it('lists the catalog with each warehouse that stocks a part, fastest first', async () => {
    const answer = await suite.api.get('/parts');
    expect(answer.status).toBe(200);
    const items = answer.body.items as { partNumber: string }[];
    expect(items.map((part) => part.partNumber)).toEqual(
      expect.arrayContaining(['PWR-C1-715WAC', 'MZ7L3960HCJR', 'APCRBC133', 'SFP-10G-SR']),
    );
    expect(items.find((part) => part.partNumber === 'SFP-10G-SR')).toEqual({
      partNumber: 'SFP-10G-SR',
      description: 'SFP+ transceiver 10GBASE-SR, multimode',
      warehouses: [
        { id: 'bogota', name: 'Bogotá field depot', city: 'Bogotá', leadMinutes: 480 },
        { id: 'singapore', name: 'Singapore distribution centre', city: 'Singapore', leadMinutes: 960 },
        { id: 'shenzhen', name: 'Shenzhen regional hub', city: 'Shenzhen', leadMinutes: 1440 },
      ],
    });
  });
});
