import express from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../desk/admin/tokens';
import { correspondenceRoutes } from '../api/correspondence/routes';
import { signLinkToken } from '../mail/signed-links';
import {
  callers,
  everyone,
  get,
  itAnswersAsTheTable,
  open,
  post,
  signedIn,
  useCallers,
  type Row,
} from './support/authorization';
import { servedRoutes } from './support/express-routes';
import type { Answer } from './support/http';
import { testLinkSecret } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const matrix = useCallers(suite);

/** The requester's own open ticket, and a closed one whose survey link the desk signed (R13). */
let number: string;
let closed: string;
let surveyLink: string;
beforeAll(async () => {
  const { api } = suite;
  number = (await api.post('/tickets', matrix.own.intake())).body.number;
  closed = (await api.post('/tickets', matrix.own.intake())).body.number;
  await api.act(closed, 'assign', { engineer: suite.people.agent.email });
  await api.act(closed, 'start-analysis');
  await api.act(closed, 'propose-solution', { solution: 'Renewed the SSO certificate' });
  await api.act(closed, 'start-testing');
  const done = await api.act(closed, 'close', {
    resolution: 'Renewed the SSO certificate',
    verification: { method: 'phone' },
  });
  expect(done.body.stage).toBe('CLOSED');
  surveyLink = `/csat/${signLinkToken(testLinkSecret, 'csat', closed)}`;
});

/** The conversation with the requester (R7, R13): the customer and the desk write; admins work no ticket. */
const onTicket: Row[] = [
  [
    'POST /tickets/{number}/replies',
    post((n) => `/tickets/${n}/replies`),
    signedIn({ requester: 400, stranger: 404, agent: 400, manager: 400, admin: 403 }),
  ],
  [
    'GET /tickets/{number}/attachments',
    get((n) => `/tickets/${n}/attachments`),
    signedIn({ requester: 200, stranger: 404, agent: 200, manager: 200, admin: 403 }),
  ],
  // Without a file: whoever may attach is told the field, whoever may not is refused first.
  [
    'POST /tickets/{number}/attachments',
    post((n) => `/tickets/${n}/attachments`),
    signedIn({ requester: 400, stranger: 404, agent: 400, manager: 400, admin: 403 }),
  ],
  [
    'GET /tickets/{number}/attachments/{id}',
    get((n) => `/tickets/${n}/attachments/first`),
    signedIn({ requester: 400, stranger: 404, agent: 400, manager: 400, admin: 403 }),
  ],
  // Satisfaction is the customer's own word: the desk may not answer it for them.
  [
    'POST /tickets/{number}/csat',
    post((n) => `/tickets/${n}/csat`),
    signedIn({ requester: 400, stranger: 404, agent: 403, manager: 403, admin: 403 }),
  ],
];

// The signed link is the credential: whatever token comes along is neither needed nor in the way.
const routed: Row[] = [
  ...onTicket,
  ['GET /csat/{token}', get(() => surveyLink), open],
  ['POST /csat/{token}', post(() => surveyLink), everyone(400)],
];

const labelled = async (label: string, answer: Promise<Answer>) => [label, (await answer).status] as const;

describe('who may correspond on a ticket and answer its survey (R7, R13, R24)', () => {
  itAnswersAsTheTable(routed, onTicket, matrix, () => number);

  it('the attachments of a ticket that does not exist are a 404 for the desk too, not an empty list', async () => {
    for (const caller of ['agent', 'manager'] as const) {
      expect((await matrix.clients[caller].get('/tickets/TF-0/attachments')).status).toBe(404);
    }
  });

  it('only the requester who reported a closed ticket rates it, not a colleague of the same organization', async () => {
    const [colleague] = await suite.stack
      .db('people')
      .insert({
        email: `colleague-${closed.toLowerCase()}@matrix.example`,
        name: 'A Colleague',
        role: 'requester',
        organization_id: matrix.own.organization.id,
      })
      .returning<{ id: string }[]>('id');
    const { token } = await issueToken(suite.stack.db, colleague!.id, 'test');
    const refused = await suite.api.as(token).post(`/tickets/${closed}/csat`, { score: 1 });
    expect(refused).toMatchObject({
      status: 403,
      body: { error: 'only the requester who reported the ticket rates it' },
    });
    expect(await suite.stack.db('csat_responses').where({ ticket_number: closed })).toEqual([]);
  });

  it('the table has a row for every route of the correspondence router', () => {
    const app = express().use(correspondenceRoutes(suite.stack.ctx));
    expect(servedRoutes(app).sort()).toEqual(routed.map(([route]) => route).sort());
  });

  it('a survey link the desk did not sign is refused for every caller, and records nothing', async () => {
    const [ticket, purpose, mac] = surveyLink.slice('/csat/'.length).split('.') as [string, string, string];
    const tampered = {
      'one character changed': `${ticket}.${purpose}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`,
      'cut short': `${ticket}.${purpose}.${mac.slice(0, -1)}`,
      'signed with another key': signLinkToken('a-secret-that-is-not-the-desks-0123456789', 'csat', closed),
    };
    const answers = await Promise.all(
      Object.entries(tampered).flatMap(([how, token]) =>
        callers.flatMap((caller) => {
          const client = matrix.clients[caller];
          return [
            labelled(`${how}, GET by ${caller}`, client.get(`/csat/${token}?score=5`)),
            labelled(
              `${how}, POST by ${caller}`,
              client.post(`/csat/${token}`, { score: 5, comment: 'Forged' }),
            ),
          ];
        }),
      ),
    );
    expect(Object.fromEntries(answers)).toEqual(Object.fromEntries(answers.map(([asked]) => [asked, 403])));
    expect(await suite.stack.db('csat_responses').where({ ticket_number: closed })).toEqual([]);
    expect((await matrix.clients.none.get(surveyLink)).status).toBe(200);
  });
});
