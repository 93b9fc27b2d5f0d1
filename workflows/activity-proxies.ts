import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { TicketActivities } from '../activities';

/**
 * Every activity the ticket workflows call, grouped by what it is for, each with its timeout and retry policy.
 * Faults that retrying cannot mend (a policy that does not parse, a change the projection cannot store, a
 * calendar that cannot be computed) are thrown non-retryable by the activities themselves, so the unlimited
 * retries below only ever wait out an outage.
 */

/** The PostgreSQL projection: a database outage delays it, never loses a change, so it retries without limit. */
export const projection = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Business-calendar arithmetic, as local activities: the result is recorded in history, so a replay never
 * depends on the time-zone or holiday data of the day it replays. Pure computation that answers in
 * milliseconds, so a short timeout retries a stuck attempt soon.
 */
export const calendar = proxyLocalActivities<TicketActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * The contract as it stands when the ticket is received: its opening terms (R5, R16, R17, R21), in one local
 * activity, because a ticket reads them once, at intake, before anything else; and the policy a rollout
 * re-reads (sla-retiming.ts).
 */
export const contracts = proxyLocalActivities<TicketActivities>({ startToCloseTimeout: '30 seconds' });

/** Work the ladder hands to people: an engineer dispatched at Onsite (R21), the dossier for the manager (R20). */
export const escalation = proxyActivities<TicketActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Letters from the outbox: a mail outage delays them; the outbox keeps them, so retry for as long as it lasts. */
export const letters = proxyActivities<TicketActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/** A rollout's page of tickets from the visibility store: one short call, retried while the server is away. */
export const rollouts = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
