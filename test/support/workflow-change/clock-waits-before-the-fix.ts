import { clockWaits } from '../../../workflows/clock-waits';
import type { TicketState } from '../../../workflows/ticket-state';

export * from '../../../workflows/clock-waits';

/**
 * workflows/clock-waits.ts as it was before a hold counted for a reply: the reply resumed the resolution
 * clock and the tier frame as if nothing held them. Tickets run on it stand for those already running.
 */
export const replyClockWaits = (state: TicketState) => ({ ...clockWaits(state), held: false });
