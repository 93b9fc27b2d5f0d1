import type { Outcome } from '../../../domain/sla-replay';
import { eventType, type TimelineEntry } from '../../../domain/ticket-events';

const ms = Date.parse;

/**
 * Why a replay is only an estimate, or null when it is exact. What people did after an escalation may have
 * answered it (a Tier 2 engineer's solution, a manager's decision): once the proposal escalates a ticket
 * automatically where or before its real policy did not, or no longer where it did, its later events might
 * not have happened as they did. Breaches of the response and resolution clocks never depend on the ladder.
 */
export function divergence(events: TimelineEntry[], replayed: Outcome[]): string | null {
  const real = events.filter((e) => e.type === eventType.escalated && e.data.automatic === true);
  const proposed = replayed.filter((o) => o.kind === 'automatic-escalation');
  for (let i = 0; i < Math.max(real.length, proposed.length); i++) {
    const [was, would] = [real[i], proposed[i]];
    if (would && (!was || ms(would.at) < ms(was.at))) {
      const really = was ? `it really climbed at ${was.at}` : 'it really did not climb';
      return `the proposal escalates it automatically from ${would.tier} at ${would.at}, where ${really}`;
    }
    if (was && (!would || ms(would.at) > ms(was.at))) {
      return `it really escalated automatically from ${String(was.data.from)} at ${was.at}, which the proposal would not have done by then`;
    }
  }
  return null;
}
