import { describe, expect, it } from 'vitest';
import { keepHistory } from './support/histories';
import { ticketSearchAttributes } from '../workflows/messages';
import { ticketQuery } from '../workflows/messages';
import { act, letters, timeSkippingUnder, withWorker } from './support/time-skipping';

// brocent-24x7 targets — P1: response 15, resolution 240, status every 60; P3: 120 / 1440; P4: 240 / 2880.
const minutes = (n: number) => n * 60_000;
const suite = timeSkippingUnder('brocent-24x7');

async function eventOf(ticketNumber: string, type: string): Promise<{ at: Date }> {
  return suite.ts.db('ticket_events').where({ ticket_number: ticketNumber, type }).first();
}
const at = (event: { at: Date }) => event.at.getTime();

describe('SLA clocks on the 24x7 field-service policy (R11, R14–R17)', () => {
  it('a question to the client pauses the clocks until the answer, which resumes them with the time left', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      const received = Date.parse((await handle.query(ticketQuery)).receivedAt);
      await suite.ts.env.sleep(minutes(40));
      const asked = await act(handle, 'request-info', {
        question: 'Which firmware version runs on the switch?',
      });
      // 24x7: the clocks used every minute from intake to the question, as the ticket recorded both.
      const used = (at(await eventOf(handle.workflowId, 'info-requested')) - received) / minutes(1);
      expect(used).toBeGreaterThanOrEqual(40);
      expect(asked.sla).toMatchObject({
        state: 'paused',
        response: { state: 'met' },
        resolution: { state: 'paused', dueAt: null, usedMinutes: used },
        tierFrame: { state: 'paused', usedMinutes: used },
        waitingOnClient: { question: 'Which firmware version runs on the switch?' },
      });
      await suite.ts.env.sleep(minutes(600));
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_1');
      const answered = await act(handle, 'provide-info', { answer: '15.2(7)E4' }, 'ana.ruiz@acme.example');
      const resumed = at(await eventOf(handle.workflowId, 'info-provided'));
      expect(answered.sla!.resolution!.state).toBe('on_track');
      expect(Date.parse(answered.sla!.resolution!.dueAt!)).toBe(resumed + Math.round(minutes(1440 - used)));
      expect(Date.parse(answered.sla!.tierFrame!.dueAt!)).toBe(resumed + Math.round(minutes(60 - used)));
      await suite.ts.env.sleep(minutes(21));
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_2');
      await keepHistory(handle, 'question-pauses-the-clocks-answer-resumes');
    });
  });

  it('a clock at risk and then breached is told to the assignee and the tier lead, and shows in the Temporal UI', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P1');
      await act(handle, 'assign', { engineer: 'eng.maria@desk.example' });
      await suite.ts.env.sleep(minutes(16));
      const view = await handle.query(ticketQuery);
      expect(view.sla).toMatchObject({ state: 'breached', response: { state: 'breached' } });
      const atRisk = await letters(suite.ts.db, handle.workflowId, 'sla-at-risk');
      expect(atRisk.map((l) => l.recipient).sort()).toEqual([
        'eng.maria@desk.example',
        'tier1-lead@ticketflow.local',
      ]);
      expect(await letters(suite.ts.db, handle.workflowId, 'sla-breached')).toHaveLength(2);
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(ticketSearchAttributes.SlaState)).toBe('breached');
      expect(described.typedSearchAttributes.get(ticketSearchAttributes.ResolutionDue)).toEqual(
        new Date(view.sla!.resolution!.dueAt!),
      );
    });
  });

  it('a P1 ticket sends the requester a status update every hour until a solution is given (R17)', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P1');
      await suite.ts.env.sleep(minutes(181));
      expect(await letters(suite.ts.db, handle.workflowId, 'status-update')).toHaveLength(3);
      await act(handle, 'assign', { engineer: 'eng.maria' });
      await act(handle, 'start-analysis', {});
      await act(handle, 'propose-solution', { solution: 'Replaced the PSU' });
      await suite.ts.env.sleep(minutes(180));
      const view = await handle.query(ticketQuery);
      expect(view.sla!.statusUpdatesSent).toBe(3);
      expect(await letters(suite.ts.db, handle.workflowId, 'status-update')).toHaveLength(3);
    });
  });

  it('a P3 ticket gets no status updates', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await suite.ts.env.sleep(minutes(181));
      expect(await letters(suite.ts.db, handle.workflowId, 'status-update')).toHaveLength(0);
    });
  });

  it('a priority change re-times every clock against the new targets and tells the requester (R15)', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P4');
      const received = Date.parse((await handle.query(ticketQuery)).receivedAt);
      await suite.ts.env.sleep(minutes(10));
      const raised = await act(handle, 'change-priority', {
        priority: 'P1',
        reason: 'Whole warehouse cannot ship',
      });
      expect(raised.priority).toBe('P1');
      expect(Date.parse(raised.sla!.response!.dueAt!)).toBeCloseTo(received + minutes(15), -3);
      expect(Date.parse(raised.sla!.resolution!.dueAt!)).toBeCloseTo(received + minutes(240), -3);
      expect(raised.sla!.nextStatusUpdateAt).not.toBeNull();
      const [letter] = await letters(suite.ts.db, handle.workflowId, 'priority-changed');
      expect(letter).toMatchObject({ recipient: 'ana.ruiz@acme.example' });
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(ticketSearchAttributes.TicketPriority)).toBe('P1');
    });
  });
});
