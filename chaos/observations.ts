import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { TicketView } from '../domain/ticket-view';
import type { Db } from '../lib/db';
import type { MailCatcher } from '../mail/mail-catcher';
import { projectionStampQuery, ticketQuery } from '../workflows/messages';
import { ticketSearchAttributes } from '../workflows/search-attributes';
import { ORGANIZATION } from './chaos-desk';

type StartInput = {
  open?: { intake: { description: string } };
  resume?: { intake: { description: string } };
};

/** A ticket as its workflow sees itself: the source of truth. */
export interface WorkflowSide {
  number: string;
  description: string;
  view: TicketView;
  stamp: { version: number; lastSeq: number };
  attributes: { stage: unknown; tier: unknown };
}

/** A ticket as the projection shows it. */
export interface RowSide {
  number: string;
  description: string;
  stage: string;
  tier: string;
  priority: string;
  assignee: string | null;
  version: number;
  events: number;
  maxSeq: number;
  /** Each timeline event as `STAGE@epoch-ms`: the stage it left the ticket in and when. */
  entries: Set<string>;
}

export interface Letter {
  ticket: string;
  sent: boolean;
  messageId: string | null;
}

export interface Observations {
  workflows: Map<string, WorkflowSide>;
  rows: Map<string, RowSide>;
  letters: Letter[];
  /** How many times the sink received each Message-ID. */
  delivered: Map<string, number>;
  /** Message-IDs of the e-mails threaded onto tickets. */
  threaded: Set<string>;
  /** Messages the relay took and has not delivered yet. */
  relayBacklog: number;
  serverNow: Date;
}

export async function observeWorkflows(client: Client): Promise<Map<string, WorkflowSide>> {
  const ids = new Set<string>();
  for await (const execution of client.workflow.list({ query: "WorkflowType = 'ticketWorkflow'" })) {
    ids.add(execution.workflowId);
  }
  const sides = new Map<string, WorkflowSide>();
  const queue = [...ids];
  // On the first failure the other lanes stop taking workflows, and the answer waits for their calls: the
  // caller closes the connection next, and a call still retrying on a closed connection throws in a timer.
  await settledAll(
    Array.from({ length: 8 }, async () => {
      try {
        for (let id = queue.pop(); id !== undefined; id = queue.pop())
          sides.set(id, await observeOne(client, id));
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }),
  );
  return sides;
}

/** Promise.all that settles every promise before it answers, so none is left running on its own. */
async function settledAll<T extends readonly unknown[]>(
  promises: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

async function observeOne(client: Client, number: string): Promise<WorkflowSide> {
  const handle = client.workflow.getHandle(number);
  const [description, view, stamp, started] = await settledAll([
    handle.describe(),
    handle.query(ticketQuery),
    handle.query(projectionStampQuery),
    client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId: number },
      maximumPageSize: 1,
    }),
  ]);
  const payload = started.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  const input = payload ? defaultPayloadConverter.fromPayload<StartInput>(payload as Payload) : undefined;
  const attributes = description.typedSearchAttributes;
  return {
    number,
    description: (input?.open ?? input?.resume)?.intake?.description ?? '',
    view,
    stamp,
    attributes: {
      stage: attributes.get(ticketSearchAttributes.TicketStage),
      tier: attributes.get(ticketSearchAttributes.TicketTier),
    },
  };
}

export async function observeProjection(db: Db, catcher: MailCatcher) {
  const rows = await db('tickets as t')
    .leftJoin('ticket_events as e', 'e.ticket_number', 't.number')
    .where('t.organization', ORGANIZATION)
    .groupBy('t.number')
    .select(
      't.number',
      db.raw("t.intake->>'description' as description"),
      't.stage',
      't.tier',
      't.priority',
      't.assignee',
      't.version',
      db.raw('count(e.seq)::int as events'),
      db.raw('coalesce(max(e.seq), 0)::int as "maxSeq"'),
    );
  const events = await db('ticket_events as e')
    .join('tickets as t', 't.number', 'e.ticket_number')
    .where('t.organization', ORGANIZATION)
    .select('e.ticket_number', 'e.stage', 'e.at');
  const entries = new Map<string, Set<string>>();
  for (const e of events as { ticket_number: string; stage: string; at: Date }[]) {
    const set = entries.get(e.ticket_number) ?? entries.set(e.ticket_number, new Set()).get(e.ticket_number)!;
    set.add(stageEntry(e.stage, e.at));
  }
  const letters = await db('outbox as o')
    .join('tickets as t', 't.number', 'o.ticket_number')
    .where('t.organization', ORGANIZATION)
    .select('o.ticket_number as ticket', 'o.sent_at', 'o.message_id');
  const threaded = await db('ticket_messages').whereNotNull('mail_message_id').pluck('mail_message_id');
  const [backlog] = await db('mail_relay_ledger').whereNull('delivered_at').count<{ n: string }[]>('* as n');
  const [{ now }] = (await db.raw('select now() as now')).rows;
  const delivered = new Map<string, number>();
  for (const mail of catcher.messages()) {
    const id = normalId(mail.messageId);
    if (id) delivered.set(id, (delivered.get(id) ?? 0) + 1);
  }
  return {
    rows: new Map<string, RowSide>(
      rows.map((row: RowSide) => [row.number, { ...row, entries: entries.get(row.number) ?? new Set() }]),
    ),
    letters: letters.map((l: { ticket: string; sent_at: Date | null; message_id: string | null }) => ({
      ticket: l.ticket,
      sent: l.sent_at !== null,
      messageId: normalId(l.message_id),
    })),
    delivered,
    threaded: new Set(threaded.map((id: string) => normalId(id)!)),
    relayBacklog: Number(backlog?.n ?? 0),
    serverNow: new Date(now),
  };
}

export function stageEntry(stage: string, at: Date | string): string {
  return `${stage}@${new Date(at).getTime()}`;
}

export function normalId(id: string | null | undefined): string | null {
  return id ? id.replace(/^<|>$/g, '').toLowerCase() : null;
}
