import { beforeAll, describe, expect, it } from 'vitest';
import { intakeFromMail } from '../mail/email-intake';
import type { Customer } from './support/people';
import { useInboundListener } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const mailRequest = (subject: string, text: string) => ({
  requester: { name: 'Ana Ruiz', email: 'ana.ruiz@acme.example' },
  organization: 'ACME Logistics',
  subject,
  text,
});

describe('what an e-mail request carries (R1, R2)', () => {
  it('reads the R2 details given as labelled lines, and names the ones still missing', () => {
    const intake = intakeFromMail(
      mailRequest(
        'RE: Fwd: Scanner offline',
        'Since noon.\nPhone: +57 601 555 0101\nsite contact: Luis Gómez\nSite contact phone: +57 350 318 9922\nUrgency: HIGH',
      ),
    );
    expect(intake).toMatchObject({
      affected: 'Scanner offline',
      requester: { phone: '+57 601 555 0101' },
      siteContact: { name: 'Luis Gómez', phone: '+57 350 318 9922' },
      impact: 'medium',
      urgency: 'high',
      channel: 'email',
      missing: ['site'],
    });
  });

  it('takes an impact it does not know as medium rather than guessing', () => {
    expect(intakeFromMail(mailRequest('x', 'Impact: catastrophic')).impact).toBe('medium');
  });
});

const suite = useTicketStack();
const inbound = useInboundListener(() => suite.stack);
let customer: Customer;
beforeAll(async () => {
  customer = await suite.people.customer('Details');
});

async function ticketByMail(subject: string): Promise<string> {
  await inbound.send({ from: customer.requester.email, subject, text: 'It stopped.' });
  const [row] = await suite.stack
    .db('tickets')
    .where({ requester_email: customer.requester.email, channel: 'email' })
    .orderBy('received_at', 'desc');
  return row.number;
}

describe('completing an e-mail request', () => {
  it('the agent fills in what the mail lacked; what is still missing stays named', async () => {
    const number = await ticketByMail('Badge reader dead');
    expect((await suite.api.get(`/tickets/${number}`)).body.intake.missing).toEqual([
      'requester.phone',
      'site',
      'siteContact',
    ]);
    const partly = await suite.api.act(number, 'complete-details', {
      requesterPhone: '+57 601 555 0101',
      siteContact: { name: 'Luis Gómez', phone: '+57 350 318 9922' },
    });
    expect(partly.status).toBe(200);
    const ticket = (await suite.api.get(`/tickets/${number}`)).body;
    expect(ticket.intake).toMatchObject({ requester: { phone: '+57 601 555 0101' }, missing: ['site'] });
    expect(ticket.timeline.at(-1)).toMatchObject({ type: 'details-completed', data: { missing: ['site'] } });

    await suite.api.act(number, 'complete-details', {
      site: { address: 'Cra 7 #71-21', building: 'B', room: '4' },
    });
    const complete = (await suite.api.get(`/tickets/${number}`)).body;
    expect(complete.intake.missing).toBeUndefined();
    expect(complete.allowedActions).not.toContain('complete-details');
    expect(
      (await suite.api.act(number, 'complete-details', { requesterPhone: '+57 601 555 0101' })).status,
    ).toBe(409);
  });

  it('a half-given site is refused naming the field, and an empty completion has nothing to do', async () => {
    const number = await ticketByMail('Door controller');
    const half = await suite.api.act(number, 'complete-details', { site: { address: 'Cra 7' } });
    expect(half.status).toBe(400);
    expect(half.body.errors.map((e: { field: string }) => e.field)).toEqual(['site.building', 'site.room']);
    expect((await suite.api.act(number, 'complete-details', {})).status).toBe(409);
    const byRequester = await suite.api.act(
      number,
      'complete-details',
      { requesterPhone: '+57 601 555 0101' },
      customer.requester.token,
    );
    expect(byRequester.status).toBe(403);
  });
});
