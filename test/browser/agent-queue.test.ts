import { expect, it } from 'vitest';
import { openPortal, screenshot, useBrowser } from './browser';
import { useDeskStack } from './desk-stack';

const suite = await useDeskStack('agent_portal', 910_000_000);
const chromium = useBrowser();

it('an agent takes the most urgent ticket of the queue, is told what a move lacks, and moves it into analysis', async () => {
  const { acme, agent } = suite.people;
  const requester = suite.api.as(acme.requester.token);
  const older = await requester.post('/tickets', acme.intake({ impact: 'low', urgency: 'high' }));
  const urgent = await requester.post('/tickets', acme.intake({ impact: 'high', urgency: 'high' }));
  expect([older.body.priority, urgent.body.priority]).toEqual(['P3', 'P1']);

  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, agent.token);
  const queue = page.getByRole('table', { name: 'Work queue' });
  await queue.locator('tbody tr').first().waitFor();
  // R18: priority before age, so the newer P1 comes before the older P3.
  const order = await queue
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket')));
  expect(order).toEqual([urgent.body.number, older.body.number]);
  await screenshot(page, 'agent-1-queue');

  await queue.getByRole('link', { name: urgent.body.number }).click();
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.waitFor();
  await actions.locator('summary', { hasText: 'Assign' }).click();
  const assign = actions.getByRole('form', { name: 'Assign' });
  expect(await assign.getByLabel('Engineer').inputValue()).toBe(agent.email);
  await assign.getByRole('button', { name: 'Assign' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await timeline.locator('li[data-type="assigned"]').waitFor();

  await actions.locator('summary', { hasText: 'Start analysis' }).click();
  const start = actions.getByRole('form', { name: 'Start analysis' });
  await start.getByLabel('Note (optional)').fill('Called Ana, reproduced the timeout');
  await start.getByRole('button', { name: 'Start analysis' }).click();
  await timeline.locator('li[data-type="analysis-started"]').waitFor();
  expect(await page.locator('.badges').textContent()).toContain('analysis');

  await actions.locator('summary', { hasText: 'Propose a solution' }).click();
  const propose = actions.getByRole('form', { name: 'Propose a solution' });
  await propose.getByRole('button', { name: 'Propose a solution' }).click();
  await propose.locator('[data-field="solution"] .field-error', { hasText: 'required' }).waitFor();
  await screenshot(page, 'agent-2-moved-to-analysis');

  const ticket = (await suite.api.get(`/tickets/${urgent.body.number}`)).body;
  expect(ticket).toMatchObject({ stage: 'ANALYSIS', assignee: agent.email });
  expect(ticket.timeline.find((event: any) => event.type === 'analysis-started')).toMatchObject({
    actor: agent.email,
    data: { note: 'Called Ana, reproduced the timeout' },
  });
  await close();
});
