import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { describe, expect, it, vi } from 'vitest';
import { startTicket } from '../desk/tickets/start';
import { brocent24x7Policy } from '../domain/sla-seeds';
import type { TimelineEntry } from '../domain/ticket-events';
import { readTimeline } from '../lib/timeline';
import { actionUpdates, retimeUpdate, ticketQuery, type ActionCommands } from '../workflows/messages';
import type { OpenTicketInput } from '../workflows/ticket-state';
import { apiClient, type ApiClient } from './support/http';
import { useTicketStack, workflowBundle } from './support/ticket-stack';

const suite = useTicketStack();
/** 2,000 with `npm run rollout-demo`; fewer in `npm test`, where six engineers share two cores. */
const many = Number(process.env.ROLLOUT_TICKETS ?? 200);
const minute = 60_000;
const admin = (): ApiClient => apiClient(suite.stack.baseUrl, suite.people.admin.token);
const terms = {
  ...Object.fromEntries(
    Object.entries(brocent24x7Policy).filter(([key]) => key !== 'id' && key !== 'calendar'),
  ),
  calendarId: brocent24x7Policy.calendar.id,
} as Omit<typeof brocent24x7Policy, 'id' | 'calendar'> & { calendarId: string };
const tighter = {
  ...terms,
  targets: {
    ...terms.targets,
    // Loosened: a breach already recorded must stay recorded.
    P1: { ...terms.targets.P1, responseMinutes: 60 },
    P3: { ...terms.targets.P3, resolutionMinutes: 600 },
  },
  tierMinutes: { ...terms.tierMinutes, TIER_1: 45 },
};

/** A policy of the test's own on the 24x7 calendar (business minutes are plain minutes), and a customer on it. */
async function customerOnOwnPolicy(): Promise<{ policyId: string; organization: string }> {
  const policyId = `retime-${randomUUID()}`;
  expect((await admin().put(`/admin/sla-policies/${policyId}`, terms)).status).toBe(201);
  const organization = `Retimed ${randomUUID()}`;
  await admin().post('/admin/organizations', { name: organization });
  const contract = { organization, slaPolicyId: policyId, validFrom: '2026-01-01' };
  expect((await admin().post('/admin/contracts', contract)).status).toBe(201);
  return { policyId, organization };
}

/** Opened the way the API opens a ticket; `minutesAgo` for a walk-in entered late (R1). */
async function openTicket(organization: string, priority: 'P1' | 'P3', minutesAgo = 0) {
  const receivedAt = new Date(Date.now() - minutesAgo * minute).toISOString();
  const open: OpenTicketInput = {
    number: `RT-${randomUUID()}`,
    priority,
    receivedAt,
    intake: {
      requester: { name: 'Ana Ruiz', email: 'ana.ruiz@retimed.example' },
      organization,
      affected: 'Warehouse scanners',
      description: 'The scanners on dock 4 lose their connection every few minutes.',
      impact: 'medium',
      urgency: 'medium',
      channel: 'phone',
      receivedAt,
    },
  };
  expect(await startTicket(suite.stack.ctx, open)).toBe('registered');
  return suite.stack.client.workflow.getHandle(open.number);
}

function act<A extends keyof ActionCommands>(handle: WorkflowHandle, name: A, command: ActionCommands[A]) {
  return handle.executeUpdate(actionUpdates[name], { args: [command] as [ActionCommands[A]] });
}

/** Visibility catches up with the tickets' search attributes a moment after they are set. */
async function untilListed(policyId: string, count: number): Promise<void> {
  const query = `WorkflowType = 'ticketWorkflow' AND ExecutionStatus = 'Running' AND SlaPolicy = '${policyId}'`;
  await vi.waitFor(async () => expect((await suite.stack.client.workflow.count(query)).count).toBe(count), {
    timeout: 60_000,
    interval: 200,
  });
}

async function rolloutDone(progressPath: string, timeout = 120_000) {
  return vi.waitFor(
    async () => {
      const progress = await admin().get(progressPath);
      expect(progress.body.status).toBe('done');
      return progress.body;
    },
    { timeout, interval: 250 },
  );
}

const entry = (timeline: TimelineEntry[], type: string) => timeline.find((e) => e.type === type)!;
const at = (e: TimelineEntry) => Date.parse(e.at);

describe('a policy change applied to running tickets', () => {
  it('re-times the clocks on the new targets, keeping used minutes, pauses and recorded breaches', async () => {
    const { policyId, organization } = await customerOnOwnPolicy();
    const worked = await openTicket(organization, 'P3', 30);
    await act(worked, 'request-info', { actor: 'eng.maria', question: 'Which dock firmware?' });
    await act(worked, 'provide-info', { actor: 'ana.ruiz@retimed.example', answer: '4.2.1' });
    // Entered 30 minutes late against a 15-minute response: the breach is recorded at once (R1, R14).
    const breached = await openTicket(organization, 'P1', 30);
    await vi.waitFor(
      async () =>
        expect((await breached.query(ticketQuery)).sla!.response).toMatchObject({ state: 'breached' }),
      { timeout: 10_000, interval: 200 },
    );
    await untilListed(policyId, 2);

    const forNew = await admin().put(`/admin/sla-policies/${policyId}`, { ...tighter, applyTo: 'new' });
    expect(forNew.status).toBe(200);
    expect(forNew.body.rollout).toBeUndefined();
    expect((await worked.query(ticketQuery)).sla!.resolution!.targetMinutes).toBe(1440);

    const forRunning = await admin().put(`/admin/sla-policies/${policyId}`, {
      ...tighter,
      applyTo: 'running',
    });
    expect(forRunning.status).toBe(200);
    // The same body again is the same revision: the rollout takes the change that `new` stored.
    expect(forRunning.body.rollout).toMatchObject({ id: `rollout/policy/${policyId}/2`, revision: 2 });
    const progress = await rolloutDone(forRunning.body.rollout.progress);
    expect(progress).toMatchObject({ found: 2, retimed: 2, unchanged: 0, skipped: 0, failed: [] });

    const view = await worked.query(ticketQuery);
    const timeline = await readTimeline(suite.stack.db, worked.workflowId);
    const retimed = entry(timeline, 'sla-retimed');
    expect(retimed).toMatchObject({
      actor: suite.people.admin.email,
      data: {
        change: { kind: 'policy', id: policyId, revision: 2 },
        before: { resolution: 1440, tierFrame: 60 },
        after: { resolution: 600, tierFrame: 45 },
      },
    });
    // Counted: intake to the question, and the answer to the change; the wait for the answer is not.
    const asked = at(entry(timeline, 'info-requested'));
    const answered = at(entry(timeline, 'info-provided'));
    const used = (asked - Date.parse(view.receivedAt) + (at(retimed) - answered)) / minute;
    expect(view.sla!.resolution).toMatchObject({ state: 'on_track', targetMinutes: 600, usedMinutes: used });
    expect(Date.parse(view.sla!.resolution!.dueAt!)).toBe(at(retimed) + Math.round((600 - used) * minute));
    expect(Date.parse(view.sla!.tierFrame!.dueAt!)).toBe(at(retimed) + Math.round((45 - used) * minute));

    const stillBreached = await breached.query(ticketQuery);
    expect(stillBreached.sla!.response).toMatchObject({ state: 'breached', targetMinutes: 60 });
    const breaches = (await readTimeline(suite.stack.db, breached.workflowId)).filter(
      (e) => e.type === 'sla-breached',
    );
    expect(breaches).toHaveLength(1);

    // A batch sent again after a crash finds the revision applied.
    const again = await worked.executeUpdate(retimeUpdate, { args: [progress.change] });
    expect(again).toBe('unchanged');
    const events = await readTimeline(suite.stack.db, worked.workflowId);
    expect(events.filter((e) => e.type === 'sla-retimed')).toHaveLength(1);
  });

  it('refuses an applyTo it does not know, naming the field, and stores nothing', async () => {
    const { policyId } = await customerOnOwnPolicy();
    const refused = await admin().put(`/admin/sla-policies/${policyId}`, { ...tighter, applyTo: 'all' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['applyTo']);
    const stored = (await admin().get('/admin/sla-policies')).body.items.find(
      (p: { id: string }) => p.id === policyId,
    );
    expect(stored.targets.P3.resolutionMinutes).toBe(1440);
  });

  it(
    `re-times ${many} running tickets each once, none stuck or non-deterministic`,
    async () => {
      const { policyId, organization } = await customerOnOwnPolicy();
      const opening = Date.now();
      const handles: WorkflowHandle[] = [];
      let started = 0;
      const openNext = async () => {
        while (started < many) {
          started += 1;
          handles.push(await openTicket(organization, 'P3'));
        }
      };
      await Promise.all(Array.from({ length: 20 }, openNext));
      console.log(`[rollout] ${many} tickets opened in ${Date.now() - opening} ms`);
      await untilListed(policyId, many);

      const put = await admin().put(`/admin/sla-policies/${policyId}`, { ...tighter, applyTo: 'running' });
      const progressPath = put.body.rollout.progress;
      const progress = await rolloutDone(progressPath, 60_000 + many * 500);
      const took = Date.parse(progress.finishedAt) - Date.parse(progress.startedAt);
      console.log(`[rollout] ${many} tickets re-timed in ${took} ms (rollout start to finish, server clock)`);
      expect(progress).toMatchObject({ found: many, retimed: many, skipped: 0, failed: [] });

      const retimedEvents = await suite.stack
        .db('ticket_events')
        .whereIn(
          'ticket_number',
          handles.map((h) => h.workflowId),
        )
        .andWhere({ type: 'sla-retimed' })
        .count<{ count: string }[]>('* as count');
      expect(Number(retimedEvents[0]!.count)).toBe(many);
      const views = await Promise.all(handles.map((h) => h.query(ticketQuery)));
      expect(views.every((v) => v.sla!.resolution!.targetMinutes === 600)).toBe(true);

      const histories = await Promise.all(
        handles.map(async (h) => ({ workflowId: h.workflowId, history: await h.fetchHistory() })),
      );
      const failures: string[] = [];
      for await (const result of Worker.runReplayHistories(
        { workflowBundle: await workflowBundle() },
        histories,
      )) {
        if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
      }
      expect(failures).toEqual([]);
    },
    300_000 + many * 1_000,
  );
});
