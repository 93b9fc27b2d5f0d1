import { beforeAll, expect, it } from 'vitest';
import type { Customer } from '../support/people';
import { useTicketStack } from '../support/ticket-stack';
import { openPortal, screenshot, useBrowser } from './browser';

const suite = useTicketStack();
const screenshotPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const chromium = useBrowser();
// An organization of this file's own: "Your tickets" lists only what this file opened.
let customer: Customer;
beforeAll(async () => {
  customer = await suite.people.customer('Portal');
});

it('a requester sees the missing field named next to it, then opens the ticket, replies and follows its timeline', async () => {
  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, customer.requester.token);
  await page.getByRole('navigation').getByRole('link', { name: 'New ticket' }).click();
  const form = page.getByRole('form', { name: 'New ticket' });
  await form.waitFor();
  expect(await form.getByLabel('E-mail', { exact: true }).inputValue()).toBe(customer.requester.email);
  expect(await form.getByLabel('Organization').inputValue()).toBe(customer.organization.name);

  await form.getByLabel('Phone', { exact: true }).fill('+57 601 3557622');
  await form.getByLabel('Address').fill('Cra 7 #71-21');
  await form.getByLabel('Building').fill('Torre B');
  await form.getByLabel('Contact on site').fill('Luis Gómez');
  await form.getByLabel('Their phone').fill('+57 350 318 9922');
  await form.getByLabel('Remote engineer', { exact: true }).fill('Rita Mora');
  await form.getByLabel('Remote engineer phone').fill('+57 601 555 0101');
  await form.getByLabel('Affected system or device').fill('CRM web client');
  await form.getByLabel('Description', { exact: true }).fill('Agents cannot log in; the page spins.');
  await form.getByLabel('Impact').selectOption('high');
  await form.getByLabel('Urgency').selectOption('high');
  await form
    .getByLabel('Screenshots or files (optional)')
    .setInputFiles({ name: 'spinning-login.png', mimeType: 'image/png', buffer: screenshotPng });
  await form.getByRole('button', { name: 'Open the ticket' }).click();

  const room = form.locator('[data-field="site.room"]');
  await room.locator('.field-error', { hasText: 'required' }).waitFor();
  expect(await room.getByLabel('Room').getAttribute('aria-invalid')).toBe('true');
  expect(await form.locator('.field.invalid').count()).toBe(1);
  await screenshot(page, 'requester-1-missing-room');
  expect((await suite.api.as(customer.requester.token).get('/tickets')).body.total).toBe(0);

  await form.getByLabel('Room').fill('402');
  await form.getByRole('button', { name: 'Open the ticket' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^TF-\d+/ });
  await heading.waitFor();
  const number = (await heading.textContent())!.split(' ')[0]!;
  expect(page.url()).toContain(`#/tickets/${number}`);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await timeline.locator('li[data-type="opened"]').waitFor();
  expect(await timeline.locator('li[data-type="opened"] .actor').textContent()).toBe(
    customer.requester.email,
  );
  expect(await page.getByRole('link', { name: 'Open in the Temporal UI' }).count()).toBe(0);
  const attachments = page.getByRole('region', { name: 'Attachments' });
  await attachments.getByRole('button', { name: 'spinning-login.png' }).waitFor();
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.locator('summary', { hasText: 'Reply' }).click();
  const reply = actions.getByRole('form', { name: 'Reply' });
  await reply.getByLabel('Message').fill('It also fails on the mobile app.');
  await reply.getByRole('button', { name: 'Reply' }).click();
  const replied = timeline.locator('li[data-type="reply-received"]');
  await replied.waitFor();
  expect(await replied.textContent()).toContain('It also fails on the mobile app.');
  await screenshot(page, 'requester-2-ticket-and-reply');

  const attached = (await suite.api.get(`/tickets/${number}/attachments`)).body.items;
  expect(attached).toEqual([
    expect.objectContaining({ filename: 'spinning-login.png', size: screenshotPng.length }),
  ]);
  const stored = await suite.api.get(`/tickets/${number}`);
  expect(stored.body).toMatchObject({
    organization: customer.organization.name,
    priority: 'P1',
    channel: 'portal',
    intake: {
      site: { room: '402' },
      description: 'Agents cannot log in; the page spins.',
      remoteEngineer: { name: 'Rita Mora', phone: '+57 601 555 0101' },
    },
  });

  await page.getByRole('navigation').getByRole('link', { name: 'Your tickets' }).click();
  const row = page.getByRole('table', { name: 'Your tickets' }).locator(`tr[data-ticket="${number}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('open');
  await screenshot(page, 'requester-3-your-tickets');
  await close();
});

it('a requester rejects a solution in testing, accepts the next one, and writes to the engineer once closed', async () => {
  const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
  expect(opened.status).toBe(201);
  const number: string = opened.body.number;
  const agent = suite.people.agent;
  const toTesting = async (solution: string) => {
    for (const [action, body] of [
      ['propose-solution', { solution }],
      ['start-testing', {}],
    ] as const) {
      expect((await suite.api.act(number, action, body)).status).toBe(200);
    }
  };
  expect((await suite.api.act(number, 'assign', { engineer: agent.email })).status).toBe(200);
  expect((await suite.api.act(number, 'start-analysis', {})).status).toBe(200);
  await toTesting('Renewed the SSO certificate');

  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, customer.requester.token);
  await page.goto(`${suite.stack.baseUrl}/portal/#/tickets/${number}`);
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.locator('summary', { hasText: 'Reject the solution' }).click();
  const reject = actions.getByRole('form', { name: 'Reject the solution' });
  await reject.getByRole('button', { name: 'Reject the solution' }).click();
  await reject.locator('[data-field="reason"] .field-error', { hasText: 'required' }).waitFor();
  await reject.getByLabel('What still does not work').fill('Still times out after login');
  await reject.getByRole('button', { name: 'Reject the solution' }).click();
  await page.getByRole('list', { name: 'Timeline' }).locator('li[data-type="rejected"]').waitFor();
  expect(await page.locator('.badges').textContent()).toContain('analysis');
  await screenshot(page, 'requester-4-rejected');

  await toTesting('Raised the SSO timeout to 30 s');
  await page.reload();
  await actions.locator('summary', { hasText: 'Accept the solution' }).click();
  const accept = actions.getByRole('form', { name: 'Accept the solution' });
  await accept.getByLabel('Comment (optional)').fill('Works now, thanks');
  await accept.getByRole('button', { name: 'Accept the solution' }).click();
  await page.getByRole('list', { name: 'Timeline' }).locator('li[data-type="accepted"]').waitFor();
  await screenshot(page, 'requester-5-accepted');
  const ticket = (await suite.api.get(`/tickets/${number}`)).body;
  expect(ticket.verification).toMatchObject({ method: 'client-accepted', by: customer.requester.email });
  expect(ticket.timeline.filter((e: any) => e.type === 'rejected')).toMatchObject([
    { actor: customer.requester.email, data: { reason: 'Still times out after login' } },
  ]);

  expect((await suite.api.act(number, 'close', { resolution: 'SSO timeout raised' })).status).toBe(200);
  await page.reload();
  await actions.locator('summary', { hasText: 'Reply' }).click();
  const reply = actions.getByRole('form', { name: 'Reply' });
  await reply.getByLabel('Message').fill('One more question about the fix');
  await reply.getByRole('button', { name: 'Reply' }).click();
  await reply.getByRole('status').filter({ hasText: 'the ticket stays closed' }).waitFor();
  expect((await suite.api.get(`/tickets/${number}`)).body.stage).toBe('CLOSED');

  const rating = actions.getByRole('form', { name: 'Satisfaction' });
  await rating.getByLabel('How satisfied').selectOption('4');
  await rating.getByLabel('Anything you would like').fill('Fast and clear');
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await actions.getByRole('status').filter({ hasText: 'You rated this request 4 of 5' }).waitFor();
  await screenshot(page, 'requester-6-rated');
  expect((await suite.api.get(`/tickets/${number}`)).body.csat).toMatchObject({
    score: 4,
    comment: 'Fast and clear',
  });
  await close();
});

it('a mistyped token is refused at sign-in, saying why', async () => {
  const page = await chromium.browser.newPage();
  await page.goto(`${suite.stack.baseUrl}/portal/`);
  await page.getByLabel('Your personal API token').fill(`${customer.requester.token}x`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'token' }).waitFor();
  // No DOM types here: the page's code as text.
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  await screenshot(page, 'requester-0-token-refused');
  await page.close();
});

it('a list that answers late does not cover the ticket the requester went on to open', async () => {
  const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
  expect(opened.status).toBe(201);
  const number: string = opened.body.number;
  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, customer.requester.token);
  let answerList!: () => Promise<void>;
  const listAsked = new Promise<void>((asked) => {
    void page.route('**/tickets?limit=100', (route) => {
      answerList = () => route.continue();
      asked();
    });
  });
  await page.getByRole('navigation').getByRole('link', { name: 'New ticket' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Your tickets' }).click();
  await listAsked;
  await page.goto(`${suite.stack.baseUrl}/portal/#/tickets/${number}`);
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^${number}`) });
  await heading.waitFor();

  const listAnswered = page.waitForEvent('requestfinished', (request) =>
    request.url().endsWith('/tickets?limit=100'),
  );
  await answerList();
  await listAnswered;
  // Two frames: long enough for the list's rendering to have run, had it been allowed to.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  expect(await heading.count()).toBe(1);
  expect(await page.getByRole('table', { name: 'Your tickets' }).count()).toBe(0);
  await close();
});
