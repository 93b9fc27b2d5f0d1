import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app';
import { openApiDocument } from '../api/openapi/document';
import { createLogger } from '../lib/logger';
import { actionNames } from '../workflows/messages';
import { servedRoutes } from './support/express-routes';
import { apiClient, type Answer, type ApiClient } from './support/http';
import { seedDesk, type Customer, type Desk } from './support/people';
import { startTicketStack, type TicketStack } from './support/ticket-stack';

const document = openApiDocument();
const ajv = addFormats(new Ajv2020({ allErrors: true, allowUnionTypes: true }));
let resolved: any;
let stack: TicketStack;
let api: ApiClient;
let desk: Desk;
let customer: Customer;

beforeAll(async () => {
  const validator = new Validator();
  // resolveRefs() dereferences the document it was given in place: give it a copy.
  expect(await validator.validate(structuredClone(document))).toEqual({ valid: true });
  resolved = validator.resolveRefs();
  stack = await startTicketStack();
  desk = await seedDesk(stack.db);
  customer = await desk.customer();
  api = apiClient(stack.baseUrl, desk.agent.token);
});

afterAll(async () => {
  await stack?.stop();
});

/** Every Schema Object in the paths: parameters, request bodies, responses, response headers. */
function schemasIn(node: unknown): object[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'schema' ? [value] : schemasIn(value)));
}

const allows = (schema: object, value: unknown) => ajv.validate(schema, value);
const requestBody = (path: string) =>
  resolved.paths[path].post.requestBody.content['application/json'].schema;

function expectAsDocumented(method: string, path: string, answer: Answer): void {
  const schema = resolved.paths[path][method].responses[answer.status]?.content['application/json'].schema;
  expect(schema, `${method} ${path} documents ${answer.status}`).toBeDefined();
  expect(allows(schema, answer.body), ajv.errorsText()).toBe(true);
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 whose every schema is valid JSON Schema 2020-12', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const schemas = schemasIn(resolved.paths);
    expect(schemas.length).toBeGreaterThan(50);
    for (const schema of schemas) expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('documents every route the app serves, and nothing else', () => {
    const app = createApp(stack.ctx, createLogger('t', 'silent'));
    const served = servedRoutes(app)
      // One documented path per action, each with its own body.
      .flatMap((route) =>
        route.includes('{action}') ? actionNames.map((action) => route.replace('{action}', action)) : [route],
      );
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it('is served at /openapi.json', async () => {
    expect((await api.get('/openapi.json')).body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe('the API answers as its document says', () => {
  let number: string;

  it('opens a ticket its schema allows and refuses, with 400, bodies it does not', async () => {
    const intake = customer.intake();
    const { organization } = intake;
    expect(allows(requestBody('/tickets'), intake)).toBe(true);
    const opened = await api.post('/tickets', intake);
    expect(opened.status).toBe(201);
    expectAsDocumented('post', '/tickets', opened);
    number = opened.body.number;

    for (const refused of [
      { ...intake, impact: 'critical' },
      { ...intake, colour: 'red' },
      { organization },
    ]) {
      expect(allows(requestBody('/tickets'), refused)).toBe(false);
      const answer = await api.post('/tickets', refused);
      expect(answer.status).toBe(400);
      expectAsDocumented('post', '/tickets', answer);
    }
  });

  it('states that phone and walk-in need receivedAt and the other channels refuse it, as the server does', async () => {
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const cases: [Record<string, unknown>, number][] = [
      [customer.intake({ channel: 'walk-in', receivedAt }), 201],
      [customer.intake({ channel: 'phone', receivedAt }), 201],
      [customer.intake({ channel: 'api' }), 201],
      [customer.intake({ channel: 'phone' }), 400],
      [customer.intake({ channel: 'portal', receivedAt }), 400],
      [customer.intake({ receivedAt }), 400],
    ];
    for (const [intake, status] of cases) {
      expect(allows(requestBody('/tickets'), intake), JSON.stringify(intake)).toBe(status === 201);
      const answer = await api.post('/tickets', intake);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expectAsDocumented('post', '/tickets', answer);
    }
  });

  it('takes an action body its schema allows and refuses one it does not', async () => {
    const path = '/tickets/{number}/actions/assign';
    expect(allows(requestBody(path), { engineer: 'maria' })).toBe(true);
    const assigned = await api.act(number, 'assign', { engineer: 'maria' });
    expect(assigned.status).toBe(200);
    expectAsDocumented('post', path, assigned);

    expect(allows(requestBody(path), { engineer: 'maria', note: 'x' })).toBe(false);
    const refused = await api.act(number, 'assign', { engineer: 'maria', note: 'x' });
    expect(refused.status).toBe(400);
    expectAsDocumented('post', path, refused);

    const notNow = await api.act(number, 'accept', {}, customer.requester.token);
    expect(notNow.status).toBe(409);
    expectAsDocumented('post', '/tickets/{number}/actions/accept', notNow);
  });

  it('reads in the documented shapes', async () => {
    const organization = encodeURIComponent(customer.organization.name);
    const [manager, admin, nobody] = [api.as(desk.manager.token), api.as(desk.admin.token), api.as('')];
    const reads: [string, string, number, ApiClient?][] = [
      [`/tickets/${number}`, '/tickets/{number}', 200],
      ['/tickets/TF-0', '/tickets/{number}', 404],
      [`/tickets?organization=${organization}`, '/tickets', 200],
      ['/tickets?limit=0', '/tickets', 400],
      ['/tickets', '/tickets', 401, nobody],
      ['/queue?assignee=maria&limit=100', '/queue', 200],
      ['/queue?colour=red', '/queue', 400],
      ['/queue', '/queue', 403, api.as(customer.requester.token)],
      [`/tickets/${number}/dossiers`, '/tickets/{number}/dossiers', 200, manager],
      ['/tickets/TF-0/dossiers', '/tickets/{number}/dossiers', 404, manager],
      ['/health', '/health', 200, nobody],
      ['/parts', '/parts', 200],
      ['/me', '/me', 200],
      ['/admin/organizations', '/admin/organizations', 200, admin],
      ['/admin/people?role=agent', '/admin/people', 200, admin],
      ['/admin/contracts', '/admin/contracts', 200, admin],
      ['/admin/calendars', '/admin/calendars', 200, admin],
      ['/admin/sla-policies', '/admin/sla-policies', 200, admin],
      ['/admin/people', '/admin/people', 403, manager],
    ];
    for (const [url, path, status, client = api] of reads) {
      const answer = await client.get(url);
      expect(answer.status, url).toBe(status);
      expectAsDocumented('get', path, answer);
    }
  });
});

describe('the viewer', () => {
  it('serves its page and its assets from the package, not a CDN', async () => {
    const page = await fetch(`${stack.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/openapi.json');
    expect(html).not.toMatch(/https?:\/\//);

    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(['/docs/assets/swagger-ui.css', '/docs/assets/swagger-ui-bundle.js']);
    for (const asset of assets) {
      const answer = await fetch(`${stack.baseUrl}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      expect((await answer.text()).length).toBeGreaterThan(1000);
    }
  });
});
