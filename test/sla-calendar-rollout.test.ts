import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { brocent24x7 } from '../domain/calendar/seeds';
import { brocent24x7Policy } from '../domain/sla-seeds';
import { rolloutWorkflowId } from '../domain/sla-rollout';
import { ticketQuery } from '../workflows/messages';
import { apiClient } from './support/http';
import { act, openTickets, organizationOn, type Ticket } from './support/rollout-tickets';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const minute = 60_000;
const day = 24 * 60 * minute;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const slaOf = async (ticket: Ticket) => (await ticket.query(ticketQuery)).sla!;

describe('a calendar change rolled out to running tickets', () => {
  it('re-times the tickets on that calendar from the minutes they used, on the new hours', async () => {
    const { stack, people } = suite;
    stack.ctx.rolloutSizes = { pageSize: 3, batchSize: 2, pagesPerRun: 2 };
    const admin = apiClient(stack.baseUrl, people.admin.token);
    const calendarId = `rollout-hours-${randomUUID()}`;
    const calendarPath = `/admin/calendars/${calendarId}`;
    const hours = { name: 'Around the clock', timeZone: 'UTC', weekly: brocent24x7.weekly };
    expect((await admin.put(calendarPath, hours)).body).toMatchObject({ revision: 1 });
    const policyId = `rollout-policy-${randomUUID()}`;
    const terms: Partial<typeof brocent24x7Policy> = { ...brocent24x7Policy };
    delete terms.id;
    delete terms.calendar;
    await admin.put(`/admin/sla-policies/${policyId}`, { ...terms, name: 'On its calendar', calendarId });
    const organization = await organizationOn(stack.db, policyId);

    // Received half an hour ago on hours that never close: 30 minutes of each clock are used.
    const receivedAt = new Date(Date.now() - 30 * minute).toISOString();
    const tickets = await openTickets(stack.client, stack.taskQueue, 7, {
      organization,
      priority: 'P3',
      receivedAt,
    });
    const [paused, ...working] = tickets;
    await act(paused!, 'request-info', { question: 'Which site?' });
    const pausedBefore = (await slaOf(paused!)).resolution!;

    // Closed today and tomorrow (UTC), whenever the change lands: the clocks run on from the day after.
    const now = Date.now();
    const closed = [utcDate(now), utcDate(now + day)].map((date) => ({ date, hours: [] }));
    const reopens = Date.parse(`${utcDate(now + 2 * day)}T00:00:00Z`);
    const started = await admin.put(calendarPath, { ...hours, exceptions: closed, applyTo: 'running' });
    const progressPath = `${calendarPath}/rollouts/2`;
    expect(started.body).toMatchObject({ revision: 2, rollout: { revision: 2, progress: progressPath } });
    await stack.client.workflow
      .getHandle(rolloutWorkflowId({ kind: 'calendar', id: calendarId, revision: 2 }))
      .result();
    expect((await admin.get(progressPath)).body).toMatchObject({
      change: { kind: 'calendar', id: calendarId, revision: 2 },
      found: 7,
      retimed: 7,
      alreadyCurrent: 0,
      closedMeanwhile: 0,
      failed: 0,
      pages: 3,
      done: true,
    });

    const numbers = tickets.map((ticket) => ticket.workflowId);
    await expect
      .poll(() =>
        stack.db('ticket_events').whereIn('ticket_number', numbers).where({ type: 'sla-retimed' }).count(),
      )
      .toEqual([{ count: '7' }]);

    for (const ticket of working) {
      const { resolution } = await slaOf(ticket);
      expect(resolution).toMatchObject({ state: 'on_track', targetMinutes: 1440 });
      // Used: from the reception to the re-timing, as the ticket recorded it, whatever the machine's speed.
      const [retimed] = await stack
        .db('ticket_events')
        .where({ ticket_number: ticket.workflowId, type: 'sla-retimed' });
      const runUntilRetimed = (retimed.at.getTime() - Date.parse(receivedAt)) / minute;
      expect(resolution!.usedMinutes).toBeGreaterThanOrEqual(30);
      expect(resolution!.usedMinutes).toBeLessThanOrEqual(runUntilRetimed + 0.001);
      const left = (1440 - resolution!.usedMinutes) * minute;
      expect(Date.parse(resolution!.dueAt!)).toBeCloseTo(reopens + left, -3);
    }
    const { resolution } = await slaOf(paused!);
    expect(resolution).toMatchObject({ state: 'paused', dueAt: null });
    expect(resolution!.usedMinutes).toBeCloseTo(pausedBefore.usedMinutes, 6);

    const [event] = await stack
      .db('ticket_events')
      .where({ ticket_number: working[0]!.workflowId, type: 'sla-retimed' });
    expect(event.data).toMatchObject({
      change: { kind: 'calendar', id: calendarId, revision: 2 },
      calendar: calendarId,
      revisions: { calendar: 2 },
    });
    await Promise.all(tickets.map((t) => t.terminate('test finished').catch(() => undefined)));
  }, 120_000);
});
