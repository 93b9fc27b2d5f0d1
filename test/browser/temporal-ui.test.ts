import { expect, inject, it } from 'vitest';
import { useTicketStack } from '../support/ticket-stack';
import { screenshot, useBrowser } from './browser';

const suite = useTicketStack();
const chromium = useBrowser();

it('a manager finds a ticket in the Temporal UI by a search-attribute query and reads what it is about', async () => {
  const { acme, agent } = suite.people;
  const requester = suite.api.as(acme.requester.token);
  const p1 = (await requester.post('/tickets', acme.intake({ impact: 'high', urgency: 'high' }))).body;
  const p3 = (await requester.post('/tickets', acme.intake({ impact: 'low', urgency: 'high' }))).body;
  expect([p1.priority, p3.priority]).toEqual(['P1', 'P3']);

  const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${inject('temporalUiUrl')}/namespaces/default/workflows`);
  await page.getByTestId('toggle-manual-query').click();
  // Every test file's tickets share this server: its own task queue singles out this file's two.
  const query = `TaskQueue = "${suite.stack.taskQueue}" AND TicketPriority = "P1" AND TicketTier = "TIER_1"`;
  await page.getByPlaceholder('Enter a query').fill(query);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('workflow-count').filter({ hasText: /^1$/ }).waitFor();
  expect(await page.getByRole('link', { name: p3.number, exact: true }).count()).toBe(0);
  await screenshot(page, 'temporal-ui-1-query');

  await page.getByRole('link', { name: p1.number, exact: true }).click();
  await page.getByRole('tab', { name: 'User Metadata' }).click();
  // The UI renders each markdown text in a frame of its own: summary, details, then current details.
  const rendered = (index: number) => page.frameLocator('iframe[src*="/render"]').nth(index);
  const summary = `${p1.number} · ACME Logistics · P1 · CRM web client: Agents cannot log in`;
  await rendered(0).getByText(summary).waitFor();
  await rendered(1).getByText('Ana Ruiz <ana.ruiz@acme.example>').waitFor();
  // Current details come from the worker, through the workflow metadata query.
  await rendered(2).getByText('nobody yet').waitFor();
  expect(await rendered(2).locator('body').textContent()).toContain('OPEN since');

  expect((await suite.api.act(p1.number, 'assign', { engineer: agent.email })).status).toBe(200);
  await page.reload();
  await rendered(2).getByText(agent.email).waitFor();
  await screenshot(page, 'temporal-ui-2-ticket-details');
  await page.close();
});
