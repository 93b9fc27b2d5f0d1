import type { Priority } from './priority';
import type { SlaPolicy } from './sla';
import { retargetClock, type ClockArithmetic, type SlaClock } from './sla-clock';

// One rule for what a priority change does to the clocks, so a ticket and the what-if replay of it cannot
// drift apart: the workflow runs it with its local activities, the report on the calendar directly.

export type PriorityClocks = { response: SlaClock; resolution: SlaClock };
export type PriorityTerms = Pick<SlaPolicy, 'targets' | 'calendar' | 'atRiskShare'>;

/** The targets a priority sets; R3: the slowest part's shipment counts into the response time. */
export function priorityTargets(policy: PriorityTerms, priority: Priority, partsLeadMinutes: number) {
  const targets = policy.targets[priority];
  return {
    response: targets.responseMinutes + partsLeadMinutes,
    resolution: targets.resolutionMinutes,
  };
}

/**
 * R15: the new priority's targets, the minutes used so far counting against them, on the policy the ticket
 * already holds. Response before resolution: the workflow's history has its calendar answers in that order.
 */
export async function retimeForPriority(
  arithmetic: ClockArithmetic,
  clocks: PriorityClocks,
  policy: PriorityTerms,
  priority: Priority,
  partsLeadMinutes: number,
  at: string,
): Promise<void> {
  const { calendar, atRiskShare } = policy;
  const target = priorityTargets(policy, priority, partsLeadMinutes);
  await retargetClock(arithmetic, clocks.response, calendar, target.response, atRiskShare, at);
  await retargetClock(arithmetic, clocks.resolution, calendar, target.resolution, atRiskShare, at);
}
