import type { Client } from '@temporalio/client';
import type { Db } from '../lib/db';
import { actionUpdates } from '../workflows/messages';

/** A ticket's resolution clock before the change: running since its reception, or paused with its minutes. */
export interface ClockBefore {
  receivedAt: string;
  pausedUsedMinutes?: number;
}

/** Asks the client a question on every `every`th ticket (R11), so its clocks are paused when the change lands. */
export async function pauseSome(
  client: Client,
  before: Map<string, ClockBefore>,
  every: number,
  parallel: number,
): Promise<number> {
  const chosen = [...before.keys()].filter((_, i) => i % every === 0);
  for (let first = 0; first < chosen.length; first += parallel) {
    await Promise.all(
      chosen.slice(first, first + parallel).map(async (number) => {
        const view = await client.workflow.getHandle(number).executeUpdate(actionUpdates['request-info'], {
          args: [{ actor: 'eng.maria', question: 'Which site is down?' }],
        });
        before.get(number)!.pausedUsedMinutes = view.sla!.resolution!.usedMinutes;
      }),
    );
  }
  return chosen.length;
}

export interface ClocksKept {
  usedKept: number;
  pausedKept: number;
  /** Tickets whose re-timed resolution clock lost minutes or its pause, with what it holds. */
  notKept: string[];
}

/**
 * Reads each ticket's `sla-retimed` event from the projection: on the 24x7 calendar a running clock that kept
 * its used minutes is due `targetMinutes` after the reception, not after the change; a paused one stays paused
 * with the minutes it had.
 */
export async function resolutionClocksKept(
  db: Db,
  before: Map<string, ClockBefore>,
  targetMinutes: number,
): Promise<ClocksKept> {
  type Clock = { status: string; targetMinutes: number; usedMinutes: number; dueAt: string | null };
  const events: { ticket_number: string; data: { clocks: { resolution: Clock } } }[] = await db(
    'ticket_events',
  )
    .where({ type: 'sla-retimed' })
    .select('ticket_number', 'data');
  const kept: ClocksKept = { usedKept: 0, pausedKept: 0, notKept: [] };
  for (const { ticket_number: number, data } of events) {
    const was = before.get(number);
    const clock = data.clocks.resolution;
    if (!was) continue;
    if (was.pausedUsedMinutes !== undefined) {
      const same = Math.abs(clock.usedMinutes - was.pausedUsedMinutes) < 1e-6;
      if (clock.status === 'paused' && clock.dueAt === null && same) kept.pausedKept += 1;
      else kept.notKept.push(`${number} ${JSON.stringify(clock)}`);
      continue;
    }
    const dueAfter = (Date.parse(clock.dueAt ?? '') - Date.parse(was.receivedAt)) / 60_000;
    const onTarget = clock.status === 'running' && clock.targetMinutes === targetMinutes;
    if (onTarget && Math.abs(dueAfter - targetMinutes) < 1 / 60) kept.usedKept += 1;
    else kept.notKept.push(`${number} ${JSON.stringify(clock)}`);
  }
  return kept;
}
