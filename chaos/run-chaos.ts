import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import type { Log } from '../dev/support';
import { createDb } from '../lib/db';
import { seedChaosDesk } from './chaos-desk';
import { scenarios } from './faults';
import { observeProjection, observeWorkflows, type Observations, type WorkflowSide } from './observations';
import { runScenario, type ScenarioRun } from './scenario-load';
import { startStack, type Stack } from './stack';
import { judge, type Verdict } from './verdicts';

export interface ChaosOptions {
  /** Tickets in all, shared out among the scenarios. */
  tickets: number;
  /** Scenario names (worker, api, temporal, mail, postgres, mixed); all when empty. */
  scenarios?: string[];
  /** How many times each single-kind scenario injects its fault. */
  repeat?: number;
  /** Concurrent clients. */
  lanes?: number;
  /** How long to wait, at most, for timers, letters and projections to settle after the load. */
  settleTimeoutMs?: number;
  log: Log;
  /** Keep the temporary directory with each process's log (the data directories too). */
  keepLogs?: boolean;
  /** Told the stack as soon as it runs, so a Ctrl-C can stop it. */
  onStack?: (stack: Stack) => void;
}

export async function runChaos(options: ChaosOptions): Promise<Verdict[]> {
  const { log, lanes = 6, repeat = 2, settleTimeoutMs = 360_000 } = options;
  const plan = scenarios(options.scenarios, repeat);
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-chaos-'));
  // PostgreSQL runs as `nobody` when we are root and must reach its data directory inside.
  await chmod(dir, 0o755);
  log(`starting the desk's processes (logs in ${dir})`);
  const stack = await startStack(dir, log);
  options.onStack?.(stack);
  try {
    const desk = await seedChaosDesk(stack.databaseUrl, lanes);
    const laneStates = desk.lanes.map((lane) => ({ ...lane, known: new Set<string>() }));
    const perScenario = Math.max(1, Math.ceil(options.tickets / plan.length));
    const runs: { run: ScenarioRun; crashes: number }[] = [];
    for (const scenario of plan) {
      log(`scenario ${scenario.name}: ${perScenario} tickets, faults ${scenario.faults.join(', ')}`);
      const before = stack.crashes();
      const run = await runScenario(stack, desk, laneStates, scenario, perScenario, log);
      runs.push({ run, crashes: stack.crashes() - before });
      for (const r of run.records.filter((r) => !r.number || r.unfinished.length > 0)) {
        log(
          `  gave up: ${r.marker} (create answered ${r.createAnswers.join(', ')}; stuck at ${r.unfinished.join(', ') || 'create'})`,
        );
      }
    }
    log('load done; waiting for timers, letters and projections to settle');
    const seen = await settle(stack, settleTimeoutMs, log);
    return runs.map(({ run, crashes }) => judge(run, seen, crashes));
  } finally {
    await stack.close();
    if (options.keepLogs) log(`process logs kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Polls until nothing is left to happen: no letter unsent or undelivered, no silence timer still to fire, every
 * projection row at its workflow's version. Bounded: what has not settled by then is reported as it stands.
 * While only silence timers are left, it sleeps until the next is due rather than asking every workflow again.
 */
async function settle(stack: Stack, timeoutMs: number, log: Log): Promise<Observations> {
  const db = createDb(stack.databaseUrl, { max: 2 });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const last = Date.now() > deadline;
      let pause = 2_000;
      const projection = await observeProjection(db, stack.catcher).catch(() => undefined);
      if (projection && (last || quietMail(projection))) {
        const workflows = await observeWorkflows(client).catch(() => undefined);
        const seen = workflows && { ...projection, workflows };
        if (seen && (last || inStep(seen))) return seen;
        if (seen) pause = Math.max(pause, untilNextSilenceTimer(seen));
      }
      if (last) throw new Error('the desk could not be observed (PostgreSQL or Temporal unreachable)');
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now()) + 1));
    }
  } finally {
    log('observed');
    await connection.close();
    await db.destroy();
  }
}

function quietMail(p: Omit<Observations, 'workflows'>): boolean {
  return (
    p.relayBacklog === 0 && p.letters.every((l) => l.sent && l.messageId && p.delivered.has(l.messageId))
  );
}

function inStep(seen: Observations): boolean {
  for (const flow of seen.workflows.values()) {
    const row = seen.rows.get(flow.number);
    // Only a row behind its workflow can still catch up; one ahead of it (a phantom) never will.
    if (!row || row.version < flow.stamp.version || row.events < flow.stamp.lastSeq) return false;
    if (silenceDue(flow)) return false;
  }
  return true;
}

/** A silence timer still to fire is part of the run: wait for it rather than judge before it is due. */
function silenceDue(flow: WorkflowSide): string | null {
  const waiting = flow.view.stage === 'CUSTOMER_TESTING' && flow.view.verification === null;
  return waiting ? (flow.view.sla?.testingDeadline ?? null) : null;
}

/** Milliseconds by the server's clock until the earliest silence timer is due; 0 when none is waiting. */
function untilNextSilenceTimer(seen: Observations): number {
  const due = [...seen.workflows.values()].map(silenceDue).filter((at) => at !== null);
  if (due.length === 0) return 0;
  return Math.min(...due.map((at) => Date.parse(at))) - seen.serverNow.getTime();
}
