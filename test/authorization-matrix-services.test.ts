import express from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionRoles } from '../desk/tickets/action-permissions';
import { reports } from '../desk/reports';
import { fieldServiceRoutes } from '../api/field-service/routes';
import { portalRoutes } from '../api/portal/routes';
import { reportRoutes } from '../api/reports/routes';
import {
  get,
  itAnswersAsTheTable,
  open,
  post,
  put,
  signedIn,
  useCallers,
  type Caller,
  type Row,
} from './support/authorization';
import { servedRoutes } from './support/express-routes';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const matrix = useCallers(suite);

/** The requester's own open ticket; nothing in the matrix changes it. */
let number: string;
beforeAll(async () => {
  number = (await suite.api.post('/tickets', matrix.own.intake())).body.number;
});

const readers = signedIn({ requester: 200, stranger: 404, agent: 200, manager: 200, admin: 403 });
const customerWrite = signedIn({ requester: 400, stranger: 404, agent: 400, manager: 400, admin: 403 });
const deskWrite = signedIn({ requester: 403, stranger: 403, agent: 400, manager: 400, admin: 403 });
const managersRead = signedIn({ requester: 403, stranger: 403, agent: 403, manager: 200, admin: 200 });
const managersAsk = signedIn({ requester: 403, stranger: 403, agent: 403, manager: 400, admin: 400 });

/** Field service on a ticket (R21–R23): visit 0 does not exist, so a reader finds no report. */
const onTicket: Row[] = [
  ['GET /tickets/{number}/field-service', get((n) => `/tickets/${n}/field-service`), readers],
  ['PUT /tickets/{number}/appointment', put((n) => `/tickets/${n}/appointment`), deskWrite],
  ['GET /tickets/{number}/conversation', get((n) => `/tickets/${n}/conversation`), readers],
  ['POST /tickets/{number}/conversation', post((n) => `/tickets/${n}/conversation`), customerWrite],
  ['POST /tickets/{number}/visits', post((n) => `/tickets/${n}/visits`), deskWrite],
  [
    'POST /tickets/{number}/visits/{visit}/check-out',
    post((n) => `/tickets/${n}/visits/0/check-out`),
    deskWrite,
  ],
  [
    'GET /tickets/{number}/visits/{visit}/report',
    get((n) => `/tickets/${n}/visits/0/report`),
    signedIn({ requester: 404, stranger: 404, agent: 404, manager: 404, admin: 403 }),
  ],
  ['PUT /tickets/{number}/visits/{visit}/report', put((n) => `/tickets/${n}/visits/0/report`), deskWrite],
  [
    'POST /tickets/{number}/visits/{visit}/report/sign',
    post((n) => `/tickets/${n}/visits/0/report/sign`),
    deskWrite,
  ],
];

const invoicing = () =>
  `/field-service/invoicing.csv?organization=${encodeURIComponent(matrix.own.organization.name)}` +
  '&from=2026-01-01&to=2026-01-31';

/** The routes of the reports, field-service and portal routers, each of them. */
const routed: Row[] = [
  ...onTicket,
  ...reports.map((report): Row => [
    `GET /reports/${report.name}`,
    get(() => `/reports/${report.name}`),
    managersRead,
  ]),
  ['POST /reports/what-if', post(() => '/reports/what-if'), managersAsk],
  ['GET /field-service/invoicing.csv', get(invoicing), managersRead],
  [
    'GET /portal/settings',
    get(() => '/portal/settings'),
    signedIn({ requester: 200, stranger: 200, agent: 200, manager: 200, admin: 200 }),
  ],
];

/** Pages a browser opens before anyone signs in. */
const pages: Row[] = [
  ['GET /docs', get(() => '/docs'), open],
  ['GET /portal/', get(() => '/portal/'), open],
];

describe('who may read reports, work field service and open the portal (R21–R25)', () => {
  itAnswersAsTheTable([...routed, ...pages], onTicket, matrix, () => number);

  it('the table has a row for every route of these routers, so a new one cannot slip past it', () => {
    const app = express();
    app.use(
      reportRoutes(suite.stack.ctx),
      fieldServiceRoutes(suite.stack.ctx),
      portalRoutes(suite.stack.ctx),
    );
    expect(servedRoutes(app).sort()).toEqual(routed.map(([route]) => route).sort());
  });

  it('the portal tells everyone who may act, and only agents and managers where the Temporal UI is', async () => {
    const settingsOf = async (caller: Caller) => (await matrix.clients[caller].get('/portal/settings')).body;
    const signedInCallers = ['requester', 'stranger', 'agent', 'manager', 'admin'] as const;
    const [requester, stranger, agent, manager, admin] = await Promise.all(signedInCallers.map(settingsOf));
    for (const settings of [requester, stranger, agent, manager, admin]) {
      expect(settings.actionRoles).toEqual(actionRoles);
    }
    // An admin configures the desk and reads no ticket, so has no ticket to open in the Temporal UI either.
    expect([requester.temporalUi, stranger.temporalUi, admin.temporalUi]).toEqual([null, null, null]);
    expect([agent.temporalUi, manager.temporalUi]).toEqual([
      suite.stack.ctx.temporalUi,
      suite.stack.ctx.temporalUi,
    ]);
  });
});
