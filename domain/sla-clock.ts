import type { BusinessCalendar } from './calendar/types';
import type { ClockState } from './sla-view';

/**
 * One SLA clock counting business minutes against a target. `running` counts; `paused` waits on the client
 * (R11) and resumes; `stopped` is met (a solution given, first contact made) and may be reopened.
 */
export interface SlaClock {
  targetMinutes: number;
  /** Business minutes used before the current running stretch. */
  usedMinutes: number;
  status: 'running' | 'paused' | 'stopped';
  runningSince: string | null;
  atRiskAt: string | null;
  dueAt: string | null;
  atRisk: boolean;
  breached: boolean;
  stoppedAt: string | null;
}

/**
 * The calendar arithmetic a clock needs. The workflow answers it with local activities, so the answers are
 * in its history; a report replaying tickets outside any workflow answers it from the calendar directly.
 */
export interface ClockArithmetic {
  businessDeadlines(request: {
    calendar: BusinessCalendar;
    from: string;
    minutes: number[];
  }): Promise<string[]>;
  businessMinutesElapsed(request: { calendar: BusinessCalendar; from: string; to: string }): Promise<number>;
}

export async function startClock(
  arithmetic: ClockArithmetic,
  calendar: BusinessCalendar,
  targetMinutes: number,
  share: number,
  at: string,
) {
  const clock: SlaClock = {
    targetMinutes,
    usedMinutes: 0,
    status: 'stopped',
    runningSince: null,
    atRiskAt: null,
    dueAt: null,
    atRisk: false,
    breached: false,
    stoppedAt: null,
  };
  await runClock(arithmetic, clock, calendar, share, at);
  return clock;
}

/** Starts (or resumes) counting at `at`, and works out when the rest of the target runs out. */
export async function runClock(
  arithmetic: ClockArithmetic,
  clock: SlaClock,
  calendar: BusinessCalendar,
  share: number,
  at: string,
) {
  const left = (minutes: number) => Math.max(0, minutes - clock.usedMinutes);
  clock.status = 'running';
  clock.runningSince = at;
  clock.stoppedAt = null;
  // Both deadlines in one call: a ticket opens with three fewer round trips.
  const minutes = [left(clock.targetMinutes), left(clock.targetMinutes * share)];
  const [dueAt, atRiskAt] = await arithmetic.businessDeadlines({ calendar, from: at, minutes });
  clock.dueAt = dueAt ?? null;
  clock.atRiskAt = atRiskAt ?? null;
}

/** Stops counting, keeping the minutes used: `paused` until the client answers, `stopped` when met. */
export async function haltClock(
  arithmetic: ClockArithmetic,
  clock: SlaClock,
  calendar: BusinessCalendar,
  at: string,
  as: 'paused' | 'stopped',
) {
  if (clock.status === 'running' && clock.runningSince) {
    clock.usedMinutes += await arithmetic.businessMinutesElapsed({
      calendar,
      from: clock.runningSince,
      to: at,
    });
  }
  clock.status = as;
  clock.runningSince = null;
  clock.dueAt = null;
  clock.atRiskAt = null;
  if (as === 'stopped') clock.stoppedAt = at;
}

/** A new target (a priority change, R15): the minutes used so far count against it. */
export async function retargetClock(
  arithmetic: ClockArithmetic,
  clock: SlaClock,
  calendar: BusinessCalendar,
  target: number,
  share: number,
  at: string,
) {
  const wasRunning = clock.status === 'running';
  if (wasRunning) await haltClock(arithmetic, clock, calendar, at, 'paused');
  clock.targetMinutes = target;
  clock.atRisk = clock.usedMinutes >= target * share;
  clock.breached = clock.usedMinutes >= target;
  if (wasRunning) await runClock(arithmetic, clock, calendar, share, at);
}

export function clockState(clock: SlaClock): ClockState {
  if (clock.status === 'stopped') return clock.breached ? 'breached' : 'met';
  if (clock.status === 'paused') return 'paused';
  return clock.breached ? 'breached' : clock.atRisk ? 'at_risk' : 'on_track';
}

const severity: ClockState[] = ['met', 'on_track', 'paused', 'at_risk', 'breached'];

/** The ticket's SLA state is its worst open clock's. */
export function worstState(states: ClockState[]): ClockState {
  return states.reduce(
    (worst, s) => (severity.indexOf(s) > severity.indexOf(worst) ? s : worst),
    'met' as ClockState,
  );
}
