import { DateTime } from 'luxon';
import { beforeAll, expect, it } from 'vitest';
import type { Customer } from '../support/people';
import { openPortal, screenshot, useBrowser } from './browser';
import { useDeskStack } from './desk-stack';

const suite = await useDeskStack('plan_follow_up', 925_000_000);
const chromium = useBrowser();
let customer: Customer;
beforeAll(async () => {
  customer = await suite.people.customer('Plan follow-up');
  // Every minute is a business minute: no activity below is special-hours work, so none needs notice (R16).
  const contract = await suite.api.as(suite.people.admin.token).post('/admin/contracts', {
    organization: customer.organization.name,
    slaPolicyId: 'brocent-24x7',
    validFrom: DateTime.now().minus({ days: 30 }).toISODate(),
  });
  expect(contract.status).toBe(201);
});

async function ticketWithApprovedPlan(): Promise<string> {
  const { agent } = suite.people;
  const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
  const number: string = opened.body.number;
  await suite.api.act(number, 'assign', { engineer: agent.email });
  await suite.api.act(number, 'start-analysis', {});
  const tomorrow = DateTime.now().plus({ days: 1 }).startOf('hour');
  const earlier = DateTime.now().minus({ hours: 2 });
  const drafted = await suite.api.act(number, 'draft-plan', {
    objective: 'Replace the failing RAID controller',
    activities: [
      { title: 'Swap the controller', owner: agent.email, start: tomorrow, end: tomorrow.plus({ hours: 1 }) },
      {
        title: 'Check last night’s backup',
        owner: agent.email,
        start: earlier,
        end: earlier.plus({ hours: 1 }),
      },
    ].map((a) => ({ ...a, start: a.start.toISO(), end: a.end.toISO() })),
  });
  expect(drafted.status).toBe(200);
  const approved = await suite.api.act(number, 'approve-plan', {}, customer.requester.token);
  expect(approved.body.plan.status).toBe('approved');
  return number;
}

it('the queue marks a ticket whose plan activity is overdue, and the desk starts and completes an activity in the portal (R8)', async () => {
  const { agent } = suite.people;
  const number = await ticketWithApprovedPlan();
  const onTime = (await suite.api.as(customer.requester.token).post('/tickets', customer.intake())).body;
  // The second activity's planned end had passed when the plan was approved: its timer is due at once.
  await expect
    .poll(async () => (await suite.api.get(`/tickets/${number}`)).body.plan.activities[1].overdue)
    .toBe(true);

  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, agent.token);
  const queue = page.getByRole('table', { name: 'Work queue' });
  const row = (n: string) => queue.locator(`tbody tr[data-ticket="${n}"]`);
  await row(number).waitFor();
  expect(await row(number).locator('.badge.overdue').textContent()).toBe('plan activity overdue');
  expect(await row(onTime.number).locator('.badge.overdue').count()).toBe(0);
  await screenshot(page, 'agent-plan-overdue-in-queue');

  await queue.getByRole('link', { name: number }).click();
  const plan = page.getByRole('region', { name: 'Work plan' });
  const activity = (id: number) => plan.locator(`li[data-activity="${id}"]`);
  await activity(2).locator('.badge.overdue').waitFor();
  const actions = page.getByRole('region', { name: 'Actions' });
  const onActivity = async (action: string, id: number, note: string) => {
    await actions.locator('summary', { hasText: action }).click();
    const form = actions.getByRole('form', { name: action });
    await form.getByLabel('Activity').selectOption(String(id));
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: action }).click();
  };
  await onActivity('Start a planned activity', 1, 'Controller on site, starting the swap');
  await activity(1).and(page.locator('[data-status="started"]')).waitFor();

  await onActivity('Complete an activity', 1, 'Array rebuilt on the new controller');
  await activity(1).and(page.locator('[data-status="completed"]')).waitFor();
  expect(await activity(2).locator('.badge.overdue').count()).toBe(1);
  expect(await plan.textContent()).not.toContain('[object');
  const shownWindow = await activity(1)
    .locator('time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
  await screenshot(page, 'agent-plan-activity-completed');
  await close();

  const [first] = (await suite.api.get(`/tickets/${number}`)).body.plan.activities;
  expect(shownWindow).toEqual([first.start, first.end]);
  expect(first).toMatchObject({
    status: 'completed',
    started: { by: agent.email, note: 'Controller on site, starting the swap' },
    completed: { by: agent.email, note: 'Array rebuilt on the new controller' },
  });
});
