import { describe, expect, it } from 'vitest';
import { ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import { act, letters, timeSkippingUnder, type TicketHandle, withWorker } from './support/time-skipping';

// brocent-24x7: Tier 1 60 min, Tier 2 120, Tier 3 240, Onsite 240, manager reminders every 60, vendor follow-up 240.
const minutes = (n: number) => n * 60_000;
const suite = timeSkippingUnder('brocent-24x7');

async function escalations(handle: TicketHandle) {
  const events = await suite.ts
    .db('ticket_events')
    .where({ ticket_number: handle.workflowId, type: 'escalated' })
    .orderBy('seq');
  return events.map((e) => ({ to: e.data.to, at: e.at.getTime(), automatic: e.data.automatic }));
}

/** Lets every time frame of the ladder run out: 60 + 120 + 240 + 240 minutes. */
async function leaveUntouchedUntilManager(handle: TicketHandle) {
  await suite.ts.env.sleep(minutes(660) + 1_000);
  const view = await handle.query(ticketQuery);
  expect(view.tier).toBe('MANAGER');
  return view;
}

describe('the escalation ladder (R19–R21)', () => {
  it('an untouched ticket climbs Tier 1 → Tier 2 → Tier 3 → Onsite → IT manager, each when its time frame runs out', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      const received = Date.parse((await handle.query(ticketQuery)).receivedAt);
      const view = await leaveUntouchedUntilManager(handle);

      expect(await escalations(handle)).toEqual([
        { to: 'TIER_2', at: received + minutes(60), automatic: true },
        { to: 'TIER_3', at: received + minutes(180), automatic: true },
        { to: 'ONSITE', at: received + minutes(420), automatic: true },
        { to: 'MANAGER', at: received + minutes(660), automatic: true },
      ]);
      expect(view.sla!.dispatch).toMatchObject({ engineer: { email: expect.any(String) } });
      expect(view.sla!.onsite).toMatchObject({ state: 'breached', targetMinutes: 120 });
      expect(view.sla!.manager).toMatchObject({ filed: true });
      expect(
        (await letters(suite.ts.db, handle.workflowId, 'escalated')).map((l) => l.recipient),
      ).toHaveLength(4);
      const [decisionRequest] = await letters(suite.ts.db, handle.workflowId, 'manager-decision-requested');
      expect(decisionRequest).toMatchObject({ recipient: 'it-manager@ticketflow.local' });
      const [dossier] = await suite.ts.db('manager_dossiers').where({ ticket_number: handle.workflowId });
      const types = dossier.dossier.timeline.map((e: { type: string }) => e.type);
      expect(types.filter((t: string) => t === 'escalated')).toHaveLength(4);
      expect(types).toContain('engineer-dispatched');
      await keepHistory(handle, 'untouched-climbs-the-ladder-to-the-manager');
    });
  });

  it('the manager is reminded while the decision waits', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await leaveUntouchedUntilManager(handle);
      await suite.ts.env.sleep(minutes(125));
      const reminders = await letters(suite.ts.db, handle.workflowId, 'manager-reminder');
      expect(reminders.map((l) => l.recipient)).toEqual([
        'it-manager@ticketflow.local',
        'it-manager@ticketflow.local',
      ]);
    });
  });

  it('the manager continues at a chosen tier with a new time frame', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await leaveUntouchedUntilManager(handle);
      // The workflow refuses an incomplete or unknown decision itself, not only the API in front of it.
      await expect(act(handle, 'decide', { decision: 'continue' } as never)).rejects.toMatchObject({
        cause: { type: 'InvalidCommand', message: 'decide: tier, frameMinutes required' },
      });
      await expect(act(handle, 'decide', { decision: 'retire' } as never)).rejects.toMatchObject({
        cause: { type: 'TransitionNotAllowed', message: 'decide: no such decision: retire' },
      });
      const decided = await act(
        handle,
        'decide',
        { decision: 'continue', tier: 'TIER_2', frameMinutes: 30 },
        'it.manager',
      );
      expect(decided).toMatchObject({
        tier: 'TIER_2',
        assignee: null,
        sla: { manager: null, tierFrame: { targetMinutes: 30 } },
      });
      await suite.ts.env.sleep(minutes(31));
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_3');
    });
  });

  it('the manager engages the vendor, and the case is followed up at the policy interval', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await leaveUntouchedUntilManager(handle);
      await act(handle, 'decide', { decision: 'engage-vendor', vendorCaseRef: 'VENDOR-4711' }, 'it.manager');
      await suite.ts.env.sleep(minutes(481));
      const view = await handle.query(ticketQuery);
      expect(view.sla!.vendor).toMatchObject({ caseRef: 'VENDOR-4711', followUps: 2 });
      expect(await letters(suite.ts.db, handle.workflowId, 'vendor-follow-up')).toHaveLength(2);
      await keepHistory(handle, 'manager-engages-vendor-followed-up');
    });
  });

  it('the manager closes as unresolved, and the requester is told', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await leaveUntouchedUntilManager(handle);
      await act(
        handle,
        'decide',
        { decision: 'close-unresolved', reason: 'Hardware end of life; replacement quoted' },
        'it.manager',
      );
      const closed = await handle.result();
      expect(closed).toMatchObject({
        stage: 'CLOSED',
        resolution: { text: 'Hardware end of life; replacement quoted' },
      });
      expect(await letters(suite.ts.db, handle.workflowId, 'closed-unresolved')).toHaveLength(1);
      await keepHistory(handle, 'ladder-then-manager-closes-unresolved');
    });
  });

  it('an agent escalates by hand with a reason, and the new tier gets a fresh time frame', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await suite.ts.env.sleep(minutes(30));
      const escalated = await act(handle, 'escalate', { reason: 'Needs a database specialist' });
      expect(escalated).toMatchObject({
        tier: 'TIER_2',
        sla: { tierFrame: { targetMinutes: 120, usedMinutes: 0 } },
      });
      const [event] = await suite.ts
        .db('ticket_events')
        .where({ ticket_number: handle.workflowId, type: 'escalated' });
      expect(event).toMatchObject({
        actor: 'eng.maria',
        data: { from: 'TIER_1', to: 'TIER_2', reason: 'Needs a database specialist', automatic: false },
      });
      await expect(act(handle, 'escalate', { reason: '' })).rejects.toThrow();
    });
  });
});
