import type { Priority } from '../../domain/priority';
import type { ClockState } from '../../domain/sla-view';
import { stages, type Channel, type Stage, type TicketIntake, type Tier } from '../../domain/ticket';
import type { TimelineEntry } from '../../domain/ticket-events';
import type { HeldNotice, TicketView } from '../../domain/ticket-view';
import { readTimeline } from '../../lib/timeline';
import { csatOf } from '../correspondence/csat';
import type { Knex } from 'knex';
import type { Db } from '../../lib/db';

export interface TicketSummary {
  number: string;
  stage: Stage;
  tier: Tier;
  priority: Priority;
  assignee: string | null;
  organization: string;
  channel: Channel;
  requesterEmail: string;
  receivedAt: string;
  updatedAt: string;
  closedAt: string | null;
  slaState: ClockState;
  responseDue: string | null;
  resolutionDue: string | null;
  waitingOnClient: boolean;
  held: HeldNotice | null;
  /** R8: an activity of the work plan is past its planned end without completion. */
  planOverdue: boolean;
}

/** The ticket view as the projection stored it, with what only the projection knows. */
export interface TicketDetails
  extends
    TicketSummary,
    Pick<
      TicketView,
      | 'stageEnteredAt'
      | 'solution'
      | 'verification'
      | 'resolution'
      | 'sla'
      | 'plan'
      | 'incident'
      | 'allowedActions'
    > {
  intake: TicketIntake;
  timeline: TimelineEntry[];
  /** R13: the requester's answer to the satisfaction survey, once given. */
  csat: { score: number; comment: string | null; submittedAt: string } | null;
}

export interface TicketFilters {
  stage?: string;
  tier?: string;
  priority?: string;
  organization?: string;
  assignee?: string;
  requesterEmail?: string;
  limit: number;
  offset: number;
}

export async function findTicket(db: Db, number: string): Promise<TicketDetails | undefined> {
  const row = await db('tickets').where({ number }).first();
  if (!row) return undefined;
  const [timeline, csat] = await Promise.all([readTimeline(db, number), csatOf({ db }, number)]);
  return {
    ...summary(row),
    intake: row.intake,
    stageEnteredAt: inProcedureOrder(row.stage_entered_at),
    solution: row.solution,
    verification: row.verification,
    resolution: row.resolution,
    sla: row.sla,
    plan: row.plan ?? null,
    incident: row.incident ?? null,
    allowedActions: row.allowed_actions,
    timeline,
    csat,
  };
}

/** Newest first; filters combine with AND. */
export async function listTickets(db: Db, filters: TicketFilters) {
  const columns = {
    stage: 'stage',
    tier: 'tier',
    priority: 'priority',
    organization: 'organization',
    assignee: 'assignee',
    requesterEmail: 'requester_email',
  } as const;
  const query = db('tickets');
  for (const [filter, column] of Object.entries(columns)) {
    const value = filters[filter as keyof typeof columns];
    if (value !== undefined) query.where(column, value);
  }
  return pageOf(
    db,
    query.orderBy([
      { column: 'received_at', order: 'desc' },
      { column: 'number', order: 'desc' },
    ]),
    filters,
  );
}

/** One page of tickets, with how many match in all; `ordered` is the filtered, sorted query. */
export async function pageOf(
  db: Db,
  ordered: Knex.QueryBuilder,
  { limit, offset }: { limit: number; offset: number },
) {
  const counting = ordered.clone().clearOrder().count({ count: '*' });
  // One statement, one round trip: the count is an uncorrelated subquery, run once beside the page.
  // A list shows the summary: the row's jsonb (intake, SLA terms, plan) is most of its bytes and parse time.
  const rows = (await ordered
    .select([...summaryColumns, db.raw('(?) as total', [counting])])
    .limit(limit)
    .offset(offset)) as (TicketRow & { total: string })[];
  // A page past the end has no row to carry the count.
  const total = rows[0]?.total ?? (offset > 0 ? (await counting)[0]?.count : 0);
  return { items: rows.map(summary), total: Number(total ?? 0), limit, offset };
}

interface TicketRow {
  number: string;
  stage: Stage;
  tier: Tier;
  priority: Priority;
  assignee: string | null;
  organization: string;
  channel: Channel;
  requester_email: string;
  received_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  sla_state: ClockState;
  response_due: Date | null;
  resolution_due: Date | null;
  waiting_on_client: boolean;
  held: TicketSummary['held'];
  plan_overdue: boolean;
}

const summaryColumns: (keyof TicketRow)[] = [
  'number',
  'stage',
  'tier',
  'priority',
  'assignee',
  'organization',
  'channel',
  'requester_email',
  'received_at',
  'updated_at',
  'closed_at',
  'sla_state',
  'response_due',
  'resolution_due',
  'waiting_on_client',
  'held',
  'plan_overdue',
];

function summary(row: TicketRow): TicketSummary {
  return {
    number: row.number,
    stage: row.stage,
    tier: row.tier,
    priority: row.priority,
    assignee: row.assignee,
    organization: row.organization,
    channel: row.channel,
    requesterEmail: row.requester_email,
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    slaState: row.sla_state,
    responseDue: row.response_due?.toISOString() ?? null,
    resolutionDue: row.resolution_due?.toISOString() ?? null,
    waitingOnClient: row.waiting_on_client,
    held: row.held,
    planOverdue: row.plan_overdue,
  };
}

/** jsonb keeps keys in its own order; show the stages in the order the procedure runs them. */
function inProcedureOrder(times: TicketView['stageEnteredAt']): TicketView['stageEnteredAt'] {
  return Object.fromEntries(stages.filter((stage) => stage in times).map((stage) => [stage, times[stage]!]));
}
