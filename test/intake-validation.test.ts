import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromZod } from '../api/openapi/json-schema';
import { phone } from '../api/tickets/intake-schema';
import { validIntake } from './support/intake';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

/** R2's required information, as the paths a client sends them under. */
const requiredFields = [
  'requester',
  'requester.name',
  'requester.email',
  'requester.phone',
  'organization',
  'site',
  'site.address',
  'site.building',
  'site.room',
  'siteContact',
  'siteContact.name',
  'siteContact.phone',
  'affected',
  'description',
  'impact',
  'urgency',
];

function without(body: Record<string, any>, path: string): Record<string, any> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  delete keys.reduce((node, key) => node[key], copy)[last];
  return copy;
}

/** Each refused request carries a marker, so "nothing written" is checked without racing other test files. */
async function expectNothingWritten(organization: string, idempotencyKey: string) {
  expect(await suite.stack.db('tickets').where({ organization }).count({ n: '*' })).toEqual([{ n: '0' }]);
  expect(
    await suite.stack.db('ticket_requests').where({ idempotency_key: idempotencyKey }).count({ n: '*' }),
  ).toEqual([{ n: '0' }]);
  const started = await suite.stack.client.workflow.count(`TaskQueue = '${suite.stack.taskQueue}'`);
  expect(started.count).toBe(0);
}

describe('a request missing required information (R2) is refused field by field', () => {
  it.each(requiredFields)('without %s it answers 400 naming the field, and writes nothing', async (field) => {
    const organization = `Refused ${randomUUID()}`;
    const key = randomUUID();
    const answer = await suite.api.post('/tickets', without(validIntake({ organization }), field), {
      'Idempotency-Key': key,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual({ field, message: 'required' });
    await expectNothingWritten(organization, key);
  });

  it('lists every bad field at once', async () => {
    const answer = await suite.api.post('/tickets', {
      requester: { name: ' ', email: 'not-an-email', phone: 'call me' },
      impact: 'huge',
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'requester.name',
        'requester.email',
        'requester.phone',
        'organization',
        'impact',
        'urgency',
      ]),
    );
  });

  it('field work needs its scope, way of appointment and preferred onsite response time', async () => {
    const organization = `Refused ${randomUUID()}`;
    const answer = await suite.api.post(
      '/tickets',
      validIntake({ organization, fieldWork: { scope: 'Replace the switch' } as never }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'fieldWork.appointment', message: 'required' },
      { field: 'fieldWork.preferredOnsiteResponse', message: 'required' },
    ]);
  });

  it("takes the remote engineer's contact when given, and names what is wrong in it (R2, optional)", async () => {
    const remoteEngineer = { name: 'Rita Mora', phone: '+57 601 555 0101', email: 'rita.mora@acme.example' };
    const opened = await suite.api.post('/tickets', validIntake({ remoteEngineer } as never));
    expect(opened.status).toBe(201);
    expect(opened.body.intake.remoteEngineer).toEqual(remoteEngineer);
    const organization = `Refused ${randomUUID()}`;
    const bad = await suite.api.post(
      '/tickets',
      validIntake({
        organization,
        remoteEngineer: { name: 'Rita', phone: 'ask Rita', email: 'no' },
      } as never),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'remoteEngineer.phone',
      'remoteEngineer.email',
    ]);
  });

  it("a phone number's documented pattern is the one the server holds it to, blanks around it included", () => {
    const documented = new RegExp(fromZod(phone).pattern as string, 'u');
    for (const given of [
      '+57 601 3557622',
      ' +57 601 3557622 ',
      '+ 1234',
      '\u00a0(601) 555\t',
      '  )98',
      '1234',
      'call me',
    ]) {
      expect(documented.test(given), JSON.stringify(given)).toBe(phone.safeParse(given).success);
    }
  });

  it('refuses unknown fields, wrong types and malformed JSON with the field named', async () => {
    const unknown = await suite.api.post('/tickets', validIntake({ priority: 'P1' } as never));
    expect(unknown.body.errors).toEqual([{ field: 'priority', message: 'unknown field' }]);
    const typed = await suite.api.post('/tickets', validIntake({ firstTime: 'yes' } as never));
    expect(typed.body.errors).toEqual([{ field: 'firstTime', message: 'true or false' }]);
    const malformed = await suite.api.post('/tickets', '{"requester": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'body', message: 'not valid JSON' }]);
  });
});

describe('a bad action is refused before it reaches the ticket', () => {
  it('names the missing field of the action body, and refuses a caller without a token', async () => {
    const number = (await suite.api.post('/tickets', validIntake())).body.number;
    const noEngineer = await suite.api.act(number, 'assign', {});
    expect(noEngineer.status).toBe(400);
    expect(noEngineer.body.errors).toEqual([{ field: 'engineer', message: 'required' }]);
    const nobody = suite.api.as('');
    const noToken = await nobody.post(`/tickets/${number}/actions/assign`, { engineer: 'eng.maria' });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toBe('Bearer');
    const ticket = await suite.api.get(`/tickets/${number}`);
    expect(ticket.body).toMatchObject({ assignee: null, timeline: [{ type: 'opened' }] });
  });
});
