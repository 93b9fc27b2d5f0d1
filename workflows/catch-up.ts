import { fireMoment, nextMoment, type Moment } from './agenda';
import type { EventDraft, TicketState } from './ticket-state';

/** A timer fires within moments of its instant; a moment this far past it was missed while the ticket slept. */
const missedAfterMs = 60_000;

const repeating: ReadonlySet<Moment['kind']> = new Set([
  'status-update',
  'manager-reminder',
  'vendor-follow-up',
]);

type Commit = (drafts: EventDraft[], at: string) => Promise<void>;

/**
 * Everything that came due, recorded as one change so the ticket's lock is held for a bounded few activities.
 * A ticket that slept (worker or Temporal down, a call entered days later) still records each breach and rung
 * at its true time; but a repeating notice missed while it slept is sent once, now, and its interval resumes
 * from now, and the rungs it climbed reach the requester as one letter.
 */
export async function catchUp(state: TicketState, commit: Commit): Promise<void> {
  const now = Date.now();
  const missed = (moment: Moment) => repeating.has(moment.kind) && now - moment.at > missedAfterMs;
  const onTime = (moment: Moment) => !missed(moment) && moment.at <= now;
  const drafts: EventDraft[] = [];
  const fire = async (moment: Moment) => {
    const at = new Date(moment.at).toISOString();
    drafts.push(...(await fireMoment(state, moment)).map((draft) => ({ ...draft, at })));
  };
  for (let moment = nextMoment(state, onTime); moment; moment = nextMoment(state, onTime)) {
    await fire(moment);
    if (state.stage === 'CLOSED') break;
  }
  if (state.stage !== 'CLOSED') {
    // Each fires once: its next instant, counted from now, is no longer missed.
    for (let moment = nextMoment(state, missed); moment; moment = nextMoment(state, missed)) {
      await fire({ ...moment, at: now });
    }
  }
  if (drafts.length > 0) await commit(oneEscalationLetter(drafts), new Date(now).toISOString());
}

/**
 * Rungs climbed in one catch-up are told once: the requester hears of the last rung and where the climb began,
 * and only the lead of the tier the ticket now waits at is told it waits there.
 */
function oneEscalationLetter(drafts: EventDraft[]): EventDraft[] {
  const climbs = drafts.filter((draft) => draft.type === 'escalated');
  const [first, last] = [climbs[0], climbs.at(-1)];
  if (!first || !last || first === last) return drafts;
  const queued = drafts[drafts.indexOf(last) + 1];
  const climbedFrom = first.data?.from;
  return drafts.map((draft) => {
    if (draft === last) return { ...draft, data: { ...draft.data, climbedFrom, rungs: climbs.length } };
    if (draft === queued || (draft.type !== 'escalated' && draft.type !== 'queued-at-tier')) return draft;
    return { ...draft, notify: undefined, notifyTo: undefined };
  });
}
