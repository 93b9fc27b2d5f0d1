import { describe, expect, it } from 'vitest';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

// Small, so a file "too large" costs nothing to send; the real limit is ATTACHMENT_MAX_BYTES, as for mail.
const maxBytes = 4096;
const suite = useTicketStack({ attachmentMaxBytes: maxBytes });

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(number: string, token: string, files: [field: string, name: string, bytes: Buffer][]) {
  const form = new FormData();
  for (const [field, name, bytes] of files)
    form.append(field, new Blob([bytes], { type: 'image/png' }), name);
  const answer = await fetch(`${suite.stack.baseUrl}/tickets/${number}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: answer.status, body: (await answer.json()) as any };
}

async function openedBy(customer: Customer): Promise<string> {
  const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
  expect(opened.status).toBe(201);
  return opened.body.number;
}

describe('screenshots and files sent over HTTP (R2)', () => {
  it('a requester attaches screenshots to the request; the ticket lists them and gives them back as sent', async () => {
    const customer = await suite.people.customer('Attaching');
    const number = await openedBy(customer);
    const token = customer.requester.token;
    const sent = await upload(number, token, [
      ['files', 'login-error.png', png],
      ['files', 'pantalla de inicio – 2.png', png],
    ]);
    expect(sent.status).toBe(201);
    expect(sent.body.items).toEqual([
      expect.objectContaining({ filename: 'login-error.png', contentType: 'image/png', size: png.length }),
      expect.objectContaining({ filename: 'pantalla de inicio – 2.png', size: png.length }),
    ]);
    const listed = await suite.api.as(token).get(`/tickets/${number}/attachments`);
    expect(listed.body.items).toEqual(sent.body.items);
    const download = await fetch(
      `${suite.stack.baseUrl}/tickets/${number}/attachments/${sent.body.items[0].id}`,
      {
        headers: { authorization: `Bearer ${suite.people.agent.token}` },
      },
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
  });

  it('a file over the limit mail has is refused with 413 naming the field, and nothing is written', async () => {
    const customer = await suite.people.customer('Oversized');
    const number = await openedBy(customer);
    const refused = await upload(number, customer.requester.token, [
      ['files', 'small.png', png],
      ['files', 'huge.png', Buffer.alloc(maxBytes + 1, 1)],
    ]);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'files', message: `at most ${maxBytes} bytes a file` }],
      maxBytes,
    });
    const kept = await suite.stack.db('ticket_attachments').where({ ticket_number: number });
    expect(kept).toEqual([]);
  });

  it('names the field when no file comes, or comes under another name; another organization finds no ticket', async () => {
    const customer = await suite.people.customer('Misnamed');
    const number = await openedBy(customer);
    const token = customer.requester.token;
    const none = await suite.api.as(token).post(`/tickets/${number}/attachments`, { files: 'x' });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: 'files', message: expect.stringContaining('required') }]);
    const misnamed = await upload(number, token, [['screenshot', 'a.png', png]]);
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.errors).toEqual([
      { field: 'screenshot', message: expect.stringContaining('unknown') },
    ]);
    const stranger = await suite.people.customer('Stranger');
    expect((await upload(number, stranger.requester.token, [['files', 'a.png', png]])).status).toBe(404);
    expect(await suite.stack.db('ticket_attachments').where({ ticket_number: number })).toEqual([]);
  });
});
