import { clockWaits } from '../../../workflows/clock-waits';

export * from '../../../workflows/clock-waits';

/** The fix shipped without patched(): what the replay of a ticket that replied while held must catch. */
export const replyClockWaits = clockWaits;
