import { beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../mail/caught-mail';
import type { Customer } from './support/people';
import { useInboundListener, useMailDesk } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const desk = useMailDesk();
const suite = useTicketStack({ mail: () => desk.settings });
const inbound = useInboundListener(() => suite.stack);
let customer: Customer;

beforeAll(async () => {
  customer = await suite.people.customer('Journey');
});

const tag = (number: string) => `[Request ID:##${number}##]`;
const mailDesk = inbound.send;
const letter = (number: string, about: RegExp) =>
  desk.catcher.waitFor((m) => m.subject.includes(tag(number)) && about.test(m.text));

/** The survey link as the letter gives it, pointed at the API under test. */
function surveyLink(mail: CaughtMail, score: number): string {
  const link = new RegExp(`https?://\\S+/csat/(\\S+?)[?&]score=${score}`).exec(mail.text);
  if (!link) throw new Error(`no score-${score} link in:\n${mail.text}`);
  return `${suite.stack.baseUrl}/csat/${link[1]}?score=${score}`;
}

describe('a ticket by e-mail, from request to satisfaction survey', () => {
  let number: string;
  let survey: CaughtMail;

  it('is opened by e-mail, answered by e-mail and closed, and the requester gets the resolution and a survey', async () => {
    await mailDesk({
      from: customer.requester.email,
      subject: 'VPN drops every hour',
      text: 'Since Monday.',
    });
    const ack = await desk.catcher.waitFor((m) => m.to.includes(customer.requester.email));
    number = /Request ID:##(TF-\d+)##/.exec(ack.subject)![1]!;

    await suite.api.act(number, 'assign', { engineer: suite.people.agent.email });
    await suite.api.act(number, 'request-info', { question: 'Which VPN client version?' });
    const question = await letter(number, /Which VPN client version\?/);
    await mailDesk({
      from: customer.requester.email,
      subject: `Re: ${question.subject}`,
      text: 'Version 5.1',
    });
    await expect
      .poll(async () => (await suite.api.get(`/tickets/${number}`)).body.waitingOnClient)
      .toBe(false);

    await suite.api.act(number, 'start-analysis', {});
    await suite.api.act(number, 'propose-solution', { solution: 'Raised the VPN idle timeout to 8 hours' });
    await suite.api.act(number, 'start-testing', {});
    await suite.api.act(number, 'accept', { comment: 'Stable all day' }, customer.requester.token);
    const closed = await suite.api.act(number, 'close', { resolution: 'VPN idle timeout raised to 8 hours' });
    expect(closed.body.stage).toBe('CLOSED');

    const resolved = await letter(number, /VPN idle timeout raised/);
    expect(resolved.to).toEqual([customer.requester.email]);
    survey = await letter(number, /score=5/);
  });

  it('the survey link records the score and comment once', async () => {
    const page = await fetch(surveyLink(survey, 4));
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/value="4" required checked/);
    const answer = await fetch(surveyLink(survey, 4), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=4&comment=Quick+and+friendly',
    });
    expect(answer.status).toBe(201);
    const stored = await suite.stack.db('csat_responses').where({ ticket_number: number }).first();
    expect(stored).toMatchObject({ score: 4, comment: 'Quick and friendly' });

    const again = await fetch(surveyLink(survey, 1), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: 1 }),
    });
    expect(again.status).toBe(409);
  });

  it('a tampered survey link is refused', async () => {
    const link = surveyLink(survey, 5).replace(/\?.*$/, '');
    const tampered = link.replace(/(.)$/, (c) => (c === 'A' ? 'B' : 'A'));
    const otherTicket = link.replace(number, 'TF-999999');
    for (const bad of [tampered, otherTicket]) {
      const answer = await fetch(bad, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score: 5 }),
      });
      expect(answer.status).toBe(403);
    }
  });

  it('after closing, the requester can still ask for clarification without reopening the ticket or its SLA', async () => {
    const asked = await suite.api
      .as(customer.requester.token)
      .post(`/tickets/${number}/replies`, { message: 'Should I keep the old client installed?' });
    expect(asked.status).toBe(202);
    const ticket = await suite.api.get(`/tickets/${number}`);
    expect(ticket.body).toMatchObject({
      stage: 'CLOSED',
      sla: { resolution: { state: expect.stringMatching(/met|breached/) } },
    });
    await letter(number, /Should I keep the old client installed\?/);
    const messages = await suite.stack.db('ticket_messages').where({ ticket_number: number }).orderBy('id');
    expect(messages.map((m) => m.body)).toEqual(['Version 5.1', 'Should I keep the old client installed?']);
  });

  it('a reply on the closed ticket is a clarification whichever door it comes through: mail, or the reply action', async () => {
    await mailDesk({
      from: customer.requester.email,
      subject: `Re: ${tag(number)} resolved`,
      text: 'Does this also apply to the laptop?',
    });
    await letter(number, /Does this also apply to the laptop\?/);
    const byMail = await suite.stack
      .db('inbound_mail')
      .where({ ticket_number: number, outcome: 'clarification' })
      .first();
    expect(byMail).toBeDefined();

    const asAction = await suite.api
      .as(customer.requester.token)
      .post(`/tickets/${number}/actions/reply`, { message: 'And for the tablet?' });
    expect(asAction.status).toBe(202);
    expect(asAction.body).toEqual({ recorded: 'clarification' });
    await letter(number, /And for the tablet\?/);

    expect((await suite.api.get(`/tickets/${number}`)).body.stage).toBe('CLOSED');
    const messages = await suite.stack.db('ticket_messages').where({ ticket_number: number }).orderBy('id');
    expect(messages.map((m) => m.body).slice(-2)).toEqual([
      'Does this also apply to the laptop?',
      'And for the tablet?',
    ]);
  });
});
