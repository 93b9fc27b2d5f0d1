import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app';
import { createLogger } from '../lib/logger';
import { servedRoutes } from './support/express-routes';
import type { Customer } from './support/people';
import { useInboundListener, useMailDesk } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const desk = useMailDesk();
const suite = useTicketStack({ mail: () => desk.settings });
const inbound = useInboundListener(() => suite.stack);
let customer: Customer;
let number: string;

beforeAll(async () => {
  customer = await suite.people.customer('Unsafe text');
  number = (await suite.api.post('/tickets', customer.intake())).body.number;
});

/** Text no client types: what PostgreSQL cannot hold, what is not Unicode, and a terminal escape. */
const hostile = [
  { name: 'a NUL', text: 'before\u0000after', message: /NUL character \(U\+0000\)/ },
  { name: 'a lone surrogate', text: 'before\ud800after', message: /unpaired surrogate \(U\+D800\)/ },
  { name: 'a control character', text: 'before\u001b[2Jafter', message: /control character \(U\+001B\)/ },
];

/** What the ticket has recorded, so a refused request can be shown to have added nothing. */
async function recordOf(ticket: string) {
  const { db } = suite.stack;
  const row = await db('tickets').where({ number: ticket }).first('version');
  const events = await db('ticket_events').where({ ticket_number: ticket }).count({ n: '*' });
  const messages = await db('ticket_messages').where({ ticket_number: ticket }).count({ n: '*' });
  return { version: row.version, events, messages };
}

describe.each(hostile)('$name in any text the API takes is refused with 400 naming the field', (bad) => {
  it('in a create: no ticket row and no workflow', async () => {
    const organization = `Refused ${randomUUID()}`;
    const intake = customer.intake({
      organization,
      siteContact: { name: bad.text, phone: '+57 601 3557622' },
    });
    const answer = await suite.api.post('/tickets', intake);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid request',
      errors: [{ field: 'siteContact.name', message: expect.stringMatching(bad.message) }],
    });
    expect(await suite.stack.db('tickets').where({ organization })).toEqual([]);
    const started = await suite.stack.client.workflow.count(`Organization = '${organization}'`);
    expect(started.count).toBe(0);
  });

  it('in an action, a reply and a form: the ticket records nothing', async () => {
    const before = await recordOf(number);
    const refusals = [
      [await suite.api.act(number, 'request-info', { question: bad.text }), 'question'],
      [
        await suite.api.act(number, 'close', {
          resolution: 'Done',
          verification: { method: 'phone', comment: bad.text },
        }),
        'verification.comment',
      ],
      [await suite.api.post(`/tickets/${number}/replies`, { message: bad.text }), 'message'],
    ] as const;
    for (const [answer, field] of refusals) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field, message: expect.stringMatching(bad.message) }]);
    }
    expect(await recordOf(number)).toEqual(before);
  });

  // A URL, a form and a header cannot carry a lone surrogate: U+0085 (a C1 control) stands in for it there.
  it('in a path or query parameter, or a form field', async () => {
    const encoded = encodeURIComponent(bad.text.replace('\ud800', '\u0085'));
    const form = await fetch(`${suite.stack.baseUrl}/csat/any-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `score=5&comment=${encoded}`,
    });
    const refusals = [
      [await suite.api.get(`/tickets/${number}${encoded}`), 'number'],
      [await suite.api.act(`${number}${encoded}`, 'assign', { engineer: 'x@desk.example' }), 'number'],
      [await suite.api.get(`/tickets?assignee=${encoded}`), 'assignee'],
      [await suite.api.get(`/queue?assignee=${encoded}`), 'assignee'],
      [await suite.api.get(`/reports/backlog?organization=${encoded}`), 'organization'],
    ] as const;
    for (const [answer, field] of refusals) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field, message: expect.any(String) }]);
    }
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({ errors: [{ field: 'comment' }] });
  });
});

it('an Idempotency-Key with a control character is refused before a ticket number is taken', async () => {
  const organization = `Refused ${randomUUID()}`;
  const key = `key-\u0085-${randomUUID()}`;
  const answer = await suite.api.post('/tickets', customer.intake({ organization }), {
    'Idempotency-Key': key,
  });
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([
    { field: 'Idempotency-Key', message: expect.stringMatching(/control character \(U\+0085\)/) },
  ]);
  expect(await suite.stack.db('ticket_requests').where({ idempotency_key: key })).toEqual([]);
  expect(await suite.stack.db('tickets').where({ organization })).toEqual([]);
});

describe('every route checks its path parameters', () => {
  it('a NUL in any parameter of any route answers 400 naming it, never 500', async () => {
    const app = createApp(suite.stack.ctx, createLogger('routes', 'silent'));
    const withParameters = servedRoutes(app).filter((route) => route.includes('{'));
    expect(withParameters.length).toBeGreaterThan(20);
    for (const route of withParameters) {
      const [method, path] = route.split(' ') as [string, string];
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        const url = path.replace(/\{(\w+)\}/g, (_, other) => (other === name ? 'x%00' : 'x'));
        const answer = await fetch(`${suite.stack.baseUrl}${url}`, {
          method,
          headers: {
            authorization: `Bearer ${suite.people.admin.token}`,
            'content-type': 'application/json',
          },
          body: method === 'GET' ? undefined : '{}',
        });
        const body = (await answer.json()) as { errors?: unknown };
        expect({ route, name, status: answer.status, errors: body.errors }).toEqual({
          route,
          name,
          status: 400,
          errors: [{ field: name, message: expect.stringMatching(/NUL character/) }],
        });
      }
    }
  });
});

describe('the API answers 400, not 500, to a path it cannot read', () => {
  it('malformed percent-encoding in a path parameter is named as the path', async () => {
    for (const path of [`/tickets/%E0%A4%A`, `/tickets/${number}%ED%A0%80/actions/assign`]) {
      const answer = await suite.api.get(path);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'path', message: 'malformed percent-encoding' }]);
    }
  });

  it('a lone surrogate cannot come through a query: it is decoded as U+FFFD and matches nothing', async () => {
    const answer = await suite.api.get('/tickets?assignee=%ED%A0%80');
    expect(answer).toMatchObject({ status: 200, body: { items: [], total: 0 } });
  });
});

describe('mail is not refused for such text: it is stored with the text taken out', () => {
  it('a new request whose subject and body carry a NUL opens a ticket that works', async () => {
    const subject = `Scanner\u0000 in dock 7 ${randomUUID()}`;
    await inbound.send({
      from: customer.requester.email,
      subject,
      text: 'It beeps\u0000\u0000 and stops.\u001b\nSite address: Cra 7 #71-21\nBuilding: Dock\nRoom: 7\n',
    });
    const ticket = await suite.stack
      .db('tickets')
      .whereRaw(`intake->>'affected' = ?`, [subject.replace('\u0000', '')])
      .first();
    expect(ticket.intake.description).toBe(
      'It beeps and stops.\nSite address: Cra 7 #71-21\nBuilding: Dock\nRoom: 7',
    );
    const assigned = await suite.api.act(ticket.number, 'assign', { engineer: 'tier1@desk.example' });
    expect(assigned).toMatchObject({ status: 200, body: { assignee: 'tier1@desk.example' } });
    // Cleaned on arrival: the projection never had to refuse and repair anything.
    expect(assigned.body.timeline.map((e: { type: string }) => e.type)).toEqual(['opened', 'assigned']);
  });

  it('a reply whose subject and body carry a NUL and a bell joins its ticket and leaves it operable', async () => {
    const opened = (await suite.api.post('/tickets', customer.intake())).body.number;
    await suite.api.act(opened, 'request-info', { question: 'Which model is it?' });
    await inbound.send({
      from: customer.requester.email,
      subject: `RE: More information needed [Request ID:##${opened}##]\u0000`,
      text: 'Model\u0000 X-200\u0007',
      messageId: `<model-${opened}@customer.example>`,
    });
    const messages = await suite.stack.db('ticket_messages').where({ ticket_number: opened });
    expect(messages).toMatchObject([{ channel: 'email', body: 'Model X-200' }]);
    const assigned = await suite.api.act(opened, 'assign', { engineer: 'tier1@desk.example' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'opened',
      'info-requested',
      'reply-received',
      'info-provided',
      'assigned',
    ]);
  });
});
