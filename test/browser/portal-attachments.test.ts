import { expect, it } from 'vitest';
import { useTicketStack } from '../support/ticket-stack';
import { openPortal, useBrowser } from './browser';

// The limit mail has (ATTACHMENT_MAX_BYTES), here one MiB: the portal names a larger file before sending any.
const maxBytes = 1024 * 1024;
const suite = useTicketStack({ attachmentMaxBytes: maxBytes });
const chromium = useBrowser();
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

it('the portal refuses a file over the limit mail has, naming it, and attaches the files within it (R2)', async () => {
  const customer = await suite.people.customer('Portal attachments');
  const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
  const number: string = opened.body.number;
  const { page, close } = await openPortal(chromium.browser, suite.stack.baseUrl, customer.requester.token);
  await page.goto(`${suite.stack.baseUrl}/portal/#/tickets/${number}`);
  const attachments = page.getByRole('region', { name: 'Attachments' });
  const form = attachments.getByRole('form', { name: 'Attach files' });
  const input = form.getByLabel('Screenshots or files');

  await input.setInputFiles([
    { name: 'login.png', mimeType: 'image/png', buffer: png },
    { name: 'screen-recording.png', mimeType: 'image/png', buffer: Buffer.alloc(maxBytes + 1, 1) },
  ]);
  await form.getByRole('button', { name: 'Attach' }).click();
  await form
    .locator('[data-field="files"] .field-error', { hasText: 'screen-recording.png is larger than 1 MB' })
    .waitFor();
  expect((await suite.api.get(`/tickets/${number}/attachments`)).body.items).toEqual([]);

  await input.setInputFiles([{ name: 'login.png', mimeType: 'image/png', buffer: png }]);
  await form.getByRole('button', { name: 'Attach' }).click();
  await attachments.getByRole('button', { name: 'login.png' }).waitFor();
  await close();
  expect((await suite.api.get(`/tickets/${number}/attachments`)).body.items).toEqual([
    expect.objectContaining({ filename: 'login.png', size: png.length }),
  ]);
});
