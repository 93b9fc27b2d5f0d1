import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../mail/caught-mail';
import type { Customer } from './support/people';
import { useMailDesk } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const desk = useMailDesk();
const suite = useTicketStack({ mail: () => desk.settings });
let customer: Customer;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  customer = await suite.people.customer('Plans');
  // The contract asks for more notice than the procedure's 3 business days: the contract's own is used.
  const contract = await suite.api.as(suite.people.admin.token).post('/admin/contracts', {
    organization: customer.organization.name,
    slaPolicyId: 'itbx-bogota',
    validFrom: day(-30),
    specialHoursNoticeDays: 5,
  });
  expect(contract.status).toBe(201);
  expect(contract.body.specialHoursNoticeDays).toBe(5);
});

/** 03:00 in Bogota, `days` from now: always outside the ITBX calendar's hours. */
const nightIn = (days: number) =>
  DateTime.now()
    .setZone('America/Bogota')
    .plus({ days })
    .set({ hour: 3, minute: 0, second: 0, millisecond: 0 });

const cutoverAt = (days: number) => ({
  title: 'Switch the core switch firmware',
  owner: 'luis.gomez@desk.example',
  start: nightIn(days).toISO(),
  end: nightIn(days).plus({ hours: 2 }).toISO(),
  onSite: true,
});
const plan = (days: number) => ({
  objective: 'Upgrade the switch without stopping the day shift',
  activities: [cutoverAt(days)],
});

async function ticketInAnalysis(): Promise<string> {
  const opened = await suite.api.post('/tickets', customer.intake());
  expect(opened.status).toBe(201);
  const number: string = opened.body.number;
  await suite.api.act(number, 'assign', { engineer: suite.people.agent.email });
  expect((await suite.api.act(number, 'start-analysis', {})).status).toBe(200);
  return number;
}

/** The letter's link to the plan, pointed at the API under test. */
async function planLink(number: string): Promise<string> {
  const mail: CaughtMail = await desk.catcher.waitFor(
    (m) => m.subject.includes(`[Request ID:##${number}##]`) && /Work plan for your approval/.test(m.subject),
  );
  const link = /https?:\/\/\S+\/plans\/(\S+?)[?&]answer=approve/.exec(mail.text);
  if (!link) throw new Error(`no approval link in:\n${mail.text}`);
  return `${suite.stack.baseUrl}/plans/${link[1]}`;
}

const postForm = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

describe('work plans with the client’s approval (R8) and special-hours work (R16)', () => {
  it('refuses special-hours work asked for at shorter notice than the contract’s, naming the earliest start', async () => {
    const number = await ticketInAnalysis();
    const refused = await suite.api.act(number, 'draft-plan', plan(1));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/special-hours work, which needs 5 business days' notice/);
    expect(Date.parse(refused.body.earliestStart)).toBeGreaterThan(nightIn(6).toMillis());
    expect(refused.body.error).toContain(refused.body.earliestStart);
    expect((await suite.api.get(`/tickets/${number}`)).body.plan).toBeNull();
  });

  it('the client approves with the letter’s one-click link; opening the link records nothing', async () => {
    const number = await ticketInAnalysis();
    const drafted = await suite.api.act(number, 'draft-plan', plan(30));
    expect(drafted.status).toBe(200);
    expect(drafted.body.plan).toMatchObject({
      status: 'awaiting-approval',
      activities: [{ specialHours: true }],
    });
    expect(drafted.body.sla.resolution.state).toBe('paused');

    const link = await planLink(number);
    const page = await fetch(`${link}?answer=approve`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/value="approve" required checked/);
    expect((await suite.api.get(`/tickets/${number}`)).body.plan.status).toBe('awaiting-approval');

    const answered = await postForm(link, { answer: 'approve', reason: '' });
    expect(answered.status).toBe(201);
    expect(await answered.text()).toMatch(/this plan is approved/);
    const ticket = (await suite.api.get(`/tickets/${number}`)).body;
    expect(ticket.plan.answer).toMatchObject({ approved: true, via: 'link', by: customer.requester.email });
    expect(ticket.sla.resolution.state).toBe('on_track');
    expect((await postForm(link, { answer: 'decline', reason: 'changed my mind' })).status).toBe(409);
    // The portal offers the follow-up only through allowedActions.
    expect(ticket.allowedActions).toContain('start-activity');
    expect(ticket.allowedActions).not.toContain('complete-activity');

    const started = await suite.api.act(number, 'start-activity', { activity: 1, note: 'on site at 03:00' });
    expect(started.status).toBe(200);
    expect(started.body.allowedActions).toContain('complete-activity');
    expect(started.body.allowedActions).not.toContain('start-activity');
    const done = await suite.api.act(number, 'complete-activity', {
      activity: 1,
      note: 'firmware 9.2 running',
    });
    expect(done.body.plan.activities[0]).toMatchObject({ status: 'completed', specialHours: true });
    expect(done.body.allowedActions).not.toContain('complete-activity');
    const timeline = (await suite.api.get(`/tickets/${number}`)).body.timeline.map(
      (e: { type: string }) => e.type,
    );
    expect(timeline).toEqual(
      expect.arrayContaining([
        'plan-proposed',
        'plan-approved',
        'plan-activity-started',
        'plan-activity-completed',
      ]),
    );
  });

  it('a declined plan goes back to drafting with the client’s reason; the old letter’s link no longer opens', async () => {
    const number = await ticketInAnalysis();
    await suite.api.act(number, 'draft-plan', plan(30));
    const oldLink = await planLink(number);
    const declined = await suite.api.act(
      number,
      'decline-plan',
      { reason: 'Not on a Sunday night', channel: 'portal' },
      customer.requester.token,
    );
    expect(declined.status).toBe(200);
    expect(declined.body.plan).toMatchObject({
      status: 'declined',
      answer: { approved: false, reason: 'Not on a Sunday night' },
    });
    expect(declined.body.allowedActions).toContain('draft-plan');
    expect((await suite.api.act(number, 'start-activity', { activity: 1, note: 'go' })).status).toBe(409);

    const redrafted = await suite.api.act(number, 'draft-plan', plan(31));
    expect(redrafted.body.plan).toMatchObject({
      revision: 2,
      status: 'awaiting-approval',
      previousDecline: { reason: 'Not on a Sunday night' },
    });
    expect((await fetch(oldLink)).status).toBe(403);
  });
});
