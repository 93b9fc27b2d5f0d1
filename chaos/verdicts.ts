import { normalId, stageEntry, type Observations, type RowSide, type WorkflowSide } from './observations';
import type { ScenarioRun } from './scenario-load';
import { markerOf } from './journey';

export interface Verdict {
  scenario: string;
  tickets: number;
  faults: number;
  /** Process deaths the harness did not cause (restarted). */
  crashes: number;
  /**
   * A ticket a client was told about (201/202/503) that is not in Temporal, or not in PostgreSQL; or an
   * e-mail reply the listener took that is not on its ticket.
   */
  lost: number;
  /** PostgreSQL shows a ticket, a version, an event or a stage entry the workflow never recorded. */
  phantom: number;
  /** More than one ticket for one client request. */
  duplicated: number;
  /** The projection or the search attributes behind the workflow after quiescence. */
  stale: number;
  /** Tickets still in testing after their silence deadline passed (server time). */
  lateTimers: number;
  serverErrors: number;
  internalErrors: number;
  unavailable: number;
  unanswered: number;
  mailDuplicates: number;
  mailMissing: number;
  /** Clients that gave up on a step: shown, not a failure of durability. */
  unfinished: number;
}

export function passed(v: Verdict): boolean {
  return v.lost + v.phantom + v.duplicated + v.stale + v.lateTimers + v.internalErrors === 0;
}

const markerPattern = /^(chaos \S+ ticket \d+):/;

export function judge(run: ScenarioRun, seen: Observations, crashes: number): Verdict {
  const prefix = markerOf(run.scenario.name, 0).replace(/0$/, '');
  const byMarker = new Map<string, Set<string>>();
  const note = (description: string, number: string) => {
    const marker = markerPattern.exec(description)?.[1];
    if (!marker?.startsWith(prefix)) return;
    byMarker.set(marker, (byMarker.get(marker) ?? new Set()).add(number));
  };
  for (const side of seen.workflows.values()) note(side.description, side.number);
  for (const row of seen.rows.values()) note(row.description, row.number);
  const numbers = new Set([...byMarker.values()].flatMap((set) => [...set]));

  let lost = 0;
  for (const record of run.records) {
    const told = record.createAnswers.some((status) => [201, 202, 503].includes(status));
    const found = byMarker.get(record.marker)?.size ?? 0;
    if (told && found === 0) lost += 1;
    else if (record.number && !numbers.has(record.number)) lost += 1;
    if (record.replyId && !seen.threaded.has(normalId(record.replyId)!)) lost += 1;
  }
  let phantom = 0;
  let stale = 0;
  let lateTimers = 0;
  for (const number of numbers) {
    const flow = seen.workflows.get(number);
    const row = seen.rows.get(number);
    if (!flow) phantom += 1;
    else if (!row) lost += 1;
    else if (row.version > flow.stamp.version || row.maxSeq > flow.stamp.lastSeq) phantom += 1;
    else if (differs(flow, row)) stale += 1;
    else if (!enteredAsRecorded(flow, row)) phantom += 1;
    if (flow && timerOverdue(flow, seen.serverNow)) lateTimers += 1;
  }
  const duplicated = [...byMarker.values()].reduce((sum, set) => sum + set.size - 1, 0);

  const letters = seen.letters.filter((letter) => numbers.has(letter.ticket));
  const ids = letters.flatMap((letter) => (letter.messageId ? [letter.messageId] : []));
  const { tally } = run;
  return {
    scenario: run.scenario.name,
    tickets: numbers.size,
    faults: run.faults,
    crashes,
    lost,
    phantom,
    duplicated,
    stale,
    lateTimers,
    serverErrors: tally.serverErrors,
    internalErrors: tally.of(500),
    unavailable: tally.of(503),
    unanswered: tally.of(0),
    mailDuplicates: ids.reduce((sum, id) => sum + Math.max(0, (seen.delivered.get(id) ?? 0) - 1), 0),
    mailMissing: letters.filter((l) => !l.sent || !l.messageId || !seen.delivered.has(l.messageId)).length,
    unfinished: run.records.filter((r) => !r.number || r.unfinished.length > 0).length,
  };
}

function differs(flow: WorkflowSide, row: RowSide) {
  const { view, stamp, attributes } = flow;
  return (
    row.version !== stamp.version ||
    row.events !== stamp.lastSeq ||
    row.stage !== view.stage ||
    row.tier !== view.tier ||
    row.priority !== view.priority ||
    row.assignee !== view.assignee ||
    attributes.stage !== view.stage ||
    attributes.tier !== view.tier
  );
}

/**
 * A transition the workflow never recorded can hide behind a later real one at the same seq (the projection
 * keeps the first write of a seq): the timeline then enters a stage at another time than the workflow did.
 */
function enteredAsRecorded({ view }: WorkflowSide, row: RowSide): boolean {
  return Object.entries(view.stageEnteredAt).every(([stage, at]) => row.entries.has(stageEntry(stage, at!)));
}

/** Silence is acceptance (R9): a ticket unanswered in testing past its deadline should have closed. */
function timerOverdue({ view }: WorkflowSide, now: Date): boolean {
  const deadline = view.sla?.testingDeadline;
  return (
    view.stage === 'CUSTOMER_TESTING' && view.verification === null && !!deadline && new Date(deadline) < now
  );
}
