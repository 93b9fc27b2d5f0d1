import { describe, expect, it } from 'vitest';
import { ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import {
  act,
  letters,
  timeSkippingUnder,
  type OpenTicket,
  type TicketHandle,
  withWorker,
} from './support/time-skipping';

// brocent-24x7 takes 7200 minutes (5 days) of client silence in customer testing as acceptance.
const fiveDays = 5 * 86_400_000;
const suite = timeSkippingUnder('brocent-24x7');

async function inCustomerTesting(open: OpenTicket): Promise<TicketHandle> {
  const handle = await open(suite.organization, 'P3');
  await act(handle, 'assign', { engineer: 'eng.maria' });
  await act(handle, 'start-analysis', {});
  await act(handle, 'propose-solution', { solution: 'Replaced the failing disk' });
  await act(handle, 'start-testing', {});
  return handle;
}

describe('customer testing (R9)', () => {
  it('a client who does not answer within the silence period has accepted, and the ticket closes', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await inCustomerTesting(open);
      const entered = Date.parse((await handle.query(ticketQuery)).stageEnteredAt.CUSTOMER_TESTING!);
      const closed = await handle.result();
      expect(closed).toMatchObject({
        stage: 'CLOSED',
        verification: { method: 'silence', by: 'system', comment: 'no answer within 7200 business minutes' },
        resolution: { text: 'Replaced the failing disk' },
      });
      expect(Date.parse(closed.stageEnteredAt.CLOSED!) - entered).toBe(fiveDays);
      expect(await suite.ts.db('tickets').where({ number: handle.workflowId }).first()).toMatchObject({
        stage: 'CLOSED',
      });
      expect(await letters(suite.ts.db, handle.workflowId, 'resolved')).toHaveLength(1);
      await keepHistory(handle, 'closed-by-customer-testing-silence');
    });
  });

  // Eleven days pass with the ladder at the IT manager: some 250 hourly reminders, each a projection and a letter.
  const elevenDaysOfWork = 180_000;
  it(
    'a client who rejects in time sends it back to analysis, and the silence clock starts afresh on the next test',
    {
      timeout: elevenDaysOfWork,
    },
    async () => {
      await withWorker(suite.ts, async (open) => {
        const handle = await inCustomerTesting(open);
        await suite.ts.env.sleep('4 days');
        await act(handle, 'reject', { reason: 'Disk errors remain' }, 'client@acme.example');
        await suite.ts.env.sleep('3 days');
        expect((await handle.query(ticketQuery)).stage).toBe('ANALYSIS');
        await act(handle, 'propose-solution', { solution: 'Replaced the controller' });
        await act(handle, 'start-testing', {});
        await suite.ts.env.sleep('4 days');
        expect((await handle.query(ticketQuery)).stage).toBe('CUSTOMER_TESTING');
        expect(await handle.result()).toMatchObject({
          stage: 'CLOSED',
          resolution: { text: 'Replaced the controller' },
        });
      });
    },
  );

  it('a client who accepts stops the silence clock: the ticket waits for the engineer to close it', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await inCustomerTesting(open);
      await act(handle, 'accept', {}, 'client@acme.example');
      await suite.ts.env.sleep('30 days');
      expect(await handle.query(ticketQuery)).toMatchObject({
        stage: 'CUSTOMER_TESTING',
        verification: { method: 'client-accepted' },
      });
      await act(handle, 'close', { resolution: 'Disk replaced' });
      expect((await handle.result()).stage).toBe('CLOSED');
    });
  });

  it('a question to the client in testing stops the silence; the answer restarts it with what it had left (R11)', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await inCustomerTesting(open);
      const entered = Date.parse((await handle.query(ticketQuery)).stageEnteredAt.CUSTOMER_TESTING!);
      await suite.ts.env.sleep('2 days');
      const asking = await act(handle, 'request-info', { question: 'Which disk shows the errors?' });
      expect(asking.allowedActions).toContain('provide-info');
      expect(asking.sla!.testingDeadline).toBeNull();
      const askedAt = Date.parse(asking.sla!.waitingOnClient!.since);
      await suite.ts.env.sleep('10 days');
      expect(await handle.query(ticketQuery)).toMatchObject({
        stage: 'CUSTOMER_TESTING',
        verification: null,
      });
      const answered = await act(handle, 'provide-info', { answer: 'Disk 2' }, 'client@acme.example');
      const event = await suite.ts
        .db('ticket_events')
        .where({ ticket_number: handle.workflowId, type: 'info-provided' })
        .first();
      const answeredAt = new Date(event.at).getTime();
      expect(answeredAt - askedAt).toBeGreaterThanOrEqual(10 * 86_400_000);
      const left = fiveDays - (askedAt - entered);
      expect(Date.parse(answered.sla!.testingDeadline!)).toBe(answeredAt + left);
      const closed = await handle.result();
      expect(closed.verification).toMatchObject({ method: 'silence' });
      expect(Date.parse(closed.stageEnteredAt.CLOSED!)).toBe(answeredAt + left);
      await keepHistory(handle, 'question-in-testing-stops-the-silence');
    });
  });
});
