import type { SlaPolicy } from './sla';
import { startClock, type ClockArithmetic, type SlaClock } from './sla-clock';

/**
 * How a requester says how soon they need someone on site (R2, R21): hours, minutes or both, such as `4h`,
 * `90m`, `1h30m`, `2 hours`. The API checks the text against it (lower-cased, spaces as given).
 */
export const preferredOnsiteResponsePattern =
  /^(?:(\d{1,3}) ?(?:h|hours?)(?: ?(\d{1,3}) ?(?:m|min|minutes?))?|(\d{1,5}) ?(?:m|min|minutes?))$/;

/** The preferred onsite response in minutes; undefined for text that is not such a duration. */
export function preferredOnsiteMinutes(text: string): number | undefined {
  const match = preferredOnsiteResponsePattern.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const [, hours, minutesAfterHours, minutesAlone] = match;
  return Number(hours ?? 0) * 60 + Number(minutesAfterHours ?? minutesAlone ?? 0);
}

export interface OnsitePromise {
  /** Business minutes from dispatch until an engineer must be on site. */
  minutes: number;
  /** Whose it is: the contract's, or the requester's shorter preference the contract allows. */
  source: 'contract' | 'requester';
}

/**
 * R21: the contract's onsite promise, or the requester's preferred onsite response when that is shorter and
 * the contract lets a requester ask for a faster visit, never faster than the contract's fastest.
 */
export function onsitePromise(policy: SlaPolicy, preferredOnsiteResponse: string | undefined): OnsitePromise {
  const contract: OnsitePromise = { minutes: policy.onsiteResponseMinutes, source: 'contract' };
  const fastest = policy.fastestOnsiteMinutes;
  const preferred =
    preferredOnsiteResponse === undefined ? undefined : preferredOnsiteMinutes(preferredOnsiteResponse);
  if (!fastest || preferred === undefined) return contract;
  const minutes = Math.max(preferred, fastest);
  return minutes < contract.minutes ? { minutes, source: 'requester' } : contract;
}

/** An onsite promise as a dispatch starts it: the onsite clock, running from the dispatch (R21). */
export interface OnsiteTerms {
  promise: OnsitePromise;
  clock: SlaClock;
  /** When an engineer must be on site: the onsite clock's due instant. */
  promiseDue: string;
}

/** The onsite clock of a dispatch at `at`; its due instant is the promise's. */
export async function onsiteTerms(
  arithmetic: ClockArithmetic,
  policy: SlaPolicy,
  promise: OnsitePromise,
  at: string,
): Promise<OnsiteTerms> {
  const clock = await startClock(arithmetic, policy.calendar, promise.minutes, policy.atRiskShare, at);
  // A clock that starts running always has its due instant.
  return { promise, clock, promiseDue: clock.dueAt! };
}
