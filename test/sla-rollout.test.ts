import { describe, expect, it } from 'vitest';
import { brocent24x7Policy } from '../domain/sla-seeds';
import type { TicketView } from '../domain/ticket-view';
import { rolloutWorkflowId } from '../domain/sla-rollout';
import { ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import { apiClient } from './support/http';
import { act, openTickets, organizationOn, type Ticket } from './support/rollout-tickets';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const minute = 60_000;
const brocentTerms: Partial<typeof brocent24x7Policy> = { ...brocent24x7Policy };
delete brocentTerms.id;
delete brocentTerms.calendar;
/** BROCENT's 24x7 terms (business minutes are plain minutes), then the same with P3 and Tier 1 loosened. */
const before = { ...brocentTerms, name: 'Rollout terms', calendarId: 'brocent-24x7' };
const after = {
  ...before,
  targets: {
    ...before.targets,
    P3: { responseMinutes: 240, resolutionMinutes: 2880, statusUpdateMinutes: null },
  },
  tierMinutes: { ...before.tierMinutes, TIER_1: 90 },
};
const view = (ticket: Ticket): Promise<TicketView> => ticket.query(ticketQuery);
const slaOf = async (ticket: Ticket) => (await view(ticket)).sla!;

describe('a policy change rolled out to running tickets', () => {
  it('re-times every open ticket once, keeping used and paused minutes and recorded breaches', async () => {
    const { stack, people } = suite;
    // Small pages and batches, so the rollout pages and continues as new with a few dozen tickets.
    stack.ctx.rolloutSizes = { pageSize: 9, batchSize: 4, pagesPerRun: 3 };
    const admin = apiClient(stack.baseUrl, people.admin.token);
    const policyId = `rollout-${crypto.randomUUID()}`;
    const path = `/admin/sla-policies/${policyId}`;
    expect((await admin.put(path, before)).body).toMatchObject({ revision: 1 });
    const organization = await organizationOn(stack.db, policyId);
    const open = (count: number, receivedAt?: string) =>
      openTickets(stack.client, stack.taskQueue, count, { organization, priority: 'P3', receivedAt });

    const running = await open(50);
    // Entered 150 minutes late: its 120-minute response is breached at once, and Tier 1's hour ran out.
    const [late] = await open(1, new Date(Date.now() - 150 * minute).toISOString());
    const paused = running.slice(0, 6);
    for (const ticket of paused) await act(ticket, 'request-info', { question: 'Which site?' });
    const pausedBefore = await Promise.all(paused.map(slaOf));

    // Stored for new tickets first: one opened now is already on it, one closed now was running when it landed.
    expect((await admin.put(path, { ...after, applyTo: 'new' })).body).toMatchObject({ revision: 2 });
    expect((await admin.put(path, { ...after, applyTo: 'new' })).body).toMatchObject({ revision: 2 });
    const [opened] = await open(1);
    const closed = running.at(-1)!;
    await act(closed, 'assign', { engineer: 'eng.maria' });
    await act(closed, 'start-analysis', {});
    await act(closed, 'propose-solution', { solution: 'Replaced the cable' });
    await act(closed, 'start-testing', {});
    await act(closed, 'close', { resolution: 'Cable replaced', verification: { method: 'phone' } });
    await closed.result();

    const started = await admin.put(path, { ...after, applyTo: 'running' });
    const progressPath = `${path}/rollouts/2`;
    expect(started).toMatchObject({
      status: 200,
      body: { revision: 2, rollout: { revision: 2, progress: progressPath } },
    });
    const rollout = stack.client.workflow.getHandle(
      rolloutWorkflowId({ kind: 'policy', id: policyId, revision: 2 }),
    );
    await rollout.result();
    const progress = (await admin.get(progressPath)).body;
    expect(progress).toMatchObject({
      found: 52,
      retimed: 50,
      alreadyCurrent: 1,
      closedMeanwhile: 1,
      failed: 0,
      pages: 6,
      done: true,
    });
    const runs = stack.client.workflow.list({ query: `WorkflowId = "${rollout.workflowId}"` });
    const runIds: string[] = [];
    for await (const run of runs) runIds.push(run.runId);
    expect(runIds).toHaveLength(2);

    const retimed = [...running.slice(0, -1), late!];
    const numbers = retimed.map((ticket) => ticket.workflowId);
    await expect
      .poll(() =>
        stack.db('ticket_events').whereIn('ticket_number', numbers).where({ type: 'sla-retimed' }).count(),
      )
      .toEqual([{ count: String(retimed.length) }]);

    for (const [i, ticket] of paused.entries()) {
      const sla = await slaOf(ticket);
      expect(sla.resolution).toMatchObject({ state: 'paused', targetMinutes: 2880, dueAt: null });
      expect(sla.resolution!.usedMinutes).toBeCloseTo(pausedBefore[i]!.resolution!.usedMinutes, 6);
      expect(sla.tierFrame).toMatchObject({ state: 'paused', targetMinutes: 90 });
    }
    const [working] = await Promise.all([running[10]!].map(view));
    const dueAfter = (due: string | null | undefined) =>
      (Date.parse(due!) - Date.parse(working!.receivedAt)) / minute;
    expect(working!.sla!.resolution).toMatchObject({ state: 'on_track', targetMinutes: 2880 });
    expect(dueAfter(working!.sla!.resolution!.dueAt)).toBeCloseTo(2880, 3);
    expect(dueAfter(working!.sla!.response!.dueAt)).toBeCloseTo(240, 3);

    const lateView = await view(late!);
    expect(lateView.sla!.response).toMatchObject({ state: 'breached', targetMinutes: 240 });
    const lateEvents = await stack
      .db('ticket_events')
      .where({ ticket_number: late!.workflowId })
      .orderBy('seq');
    const types = lateEvents.map((event) => event.type);
    expect(types.indexOf('sla-breached')).toBeLessThan(types.indexOf('sla-retimed'));
    expect(lateEvents.find((event) => event.type === 'sla-retimed')!.data).toMatchObject({
      change: { kind: 'policy', id: policyId, revision: 2 },
      revisions: { policy: 2 },
    });
    expect((await slaOf(opened!)).resolution!.targetMinutes).toBe(2880);
    await keepHistory(paused[0]!, 'paused-ticket-retimed-by-policy-change');

    // The same request again: the same revision, the rollout already done; nothing is re-timed twice.
    const again = await admin.put(path, { ...after, applyTo: 'running' });
    expect(again.body).toMatchObject({ revision: 2, rollout: { revision: 2 } });
    expect((await admin.get(progressPath)).body).toEqual(progress);
    expect(
      await stack
        .db('ticket_events')
        .whereIn('ticket_number', numbers)
        .where({ type: 'sla-retimed' })
        .count(),
    ).toEqual([{ count: String(retimed.length) }]);
    await Promise.all(
      [...running, opened!, late!].map((t) => t.terminate('test finished').catch(() => undefined)),
    );
  }, 120_000);

  it('refuses an unknown applyTo and a rollout of a revision that never was', async () => {
    const admin = apiClient(suite.stack.baseUrl, suite.people.admin.token);
    const refused = await admin.put('/admin/sla-policies/never-stored', { ...before, applyTo: 'everyone' });
    expect(refused).toMatchObject({ status: 400, body: { errors: [{ field: 'applyTo' }] } });
    expect(await suite.stack.db('sla_policies').where({ id: 'never-stored' })).toHaveLength(0);
    expect((await admin.get('/admin/sla-policies/never-stored/rollouts/1')).status).toBe(404);
    expect((await admin.get('/admin/calendars/brocent-24x7/rollouts/zero')).body.errors).toEqual([
      { field: 'revision', message: 'must be a revision number, 1 or more' },
    ]);
  });
});
