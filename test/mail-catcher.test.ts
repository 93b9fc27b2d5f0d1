import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../mail/mail-catcher';

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0, webPort: 0 });
});
afterAll(() => catcher?.close());

describe('the dev mail catcher', () => {
  it('shows what the desk sent on its web page, newest first, with each message readable and escaped', async () => {
    const send = createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
    await send.sendMail({ from: 'desk@x.example', to: 'ana@x.example', subject: 'first', text: 'one' });
    await send.sendMail({
      from: 'desk@x.example',
      to: 'ana@x.example',
      subject: 'second <b>',
      text: '<script>',
    });
    const page = await (await fetch(`http://127.0.0.1:${catcher.webPort}/`)).text();
    expect(page).toContain('Mail sent by ticketflow (2)');
    expect(page.indexOf('second &lt;b&gt;')).toBeLessThan(page.indexOf('first'));
    const second = catcher.messages().find((m) => m.subject === 'second <b>')!;
    const shown = await (await fetch(`http://127.0.0.1:${catcher.webPort}/?id=${second.id}`)).text();
    expect(shown).toContain('<pre>&lt;script&gt;');
    const listed = (await (await fetch(`http://127.0.0.1:${catcher.webPort}/messages.json`)).json()) as {
      subject: string;
    }[];
    expect(listed.map((m) => m.subject)).toEqual(['first', 'second <b>']);
  });
});
