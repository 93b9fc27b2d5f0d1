import { DateTime } from 'luxon';
import { beforeAll, expect, it } from 'vitest';
import type { Customer } from '../support/people';
import { useTicketStack } from '../support/ticket-stack';
import { openPortal, screenshot, useBrowser } from './browser';

const suite = useTicketStack();
const chromium = useBrowser();
let customer: Customer;
beforeAll(async () => {
  customer = await suite.people.customer('Plan portal');
});

it('a requester reads the work plan in the portal and approves it, after which its activities may start (R8)', async () => {
  const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
  const number: string = opened.body.number;
  await suite.api.act(number, 'assign', { engineer: suite.people.agent.email });
  await suite.api.act(number, 'start-analysis', {});
  const start = DateTime.now().plus({ days: 40 }).startOf('hour');
  const drafted = await suite.api.act(number, 'draft-plan', {
    objective: 'Replace the failing RAID controller',
    activities: [
      {
        title: 'Swap the controller',
        owner: 'luis.gomez@desk.example',
        start: start.toISO(),
        end: start.plus({ hours: 1 }).toISO(),
        onSite: true,
      },
    ],
  });
  expect(drafted.status).toBe(200);

  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, customer.requester.token);
  await page.goto(`${suite.stack.baseUrl}/portal/#/tickets/${number}`);
  const plan = page.getByRole('region', { name: 'Work plan' });
  await plan.getByText('Replace the failing RAID controller').waitFor();
  expect(await plan.locator('.plan-status').textContent()).toContain('waiting for the client’s approval');
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.locator('summary', { hasText: 'Approve the work plan' }).click();
  const form = actions.getByRole('form', { name: 'Approve the work plan' });
  await form.getByRole('button', { name: 'Approve the work plan' }).click();
  await plan.locator('.plan-status[data-status="approved"]').waitFor();
  await screenshot(page, 'requester-plan-approved');
  await close();

  const ticket = (await suite.api.get(`/tickets/${number}`)).body;
  expect(ticket.plan.answer).toMatchObject({ approved: true, via: 'portal', by: customer.requester.email });
  expect((await suite.api.act(number, 'start-activity', { activity: 1, note: 'on my way' })).status).toBe(
    200,
  );
});
