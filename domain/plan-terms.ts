import type { SlaPolicy } from './sla';

/**
 * What a plan's terms are when neither the contract nor its policy says (the ITBX procedure's). Apart from
 * `work-plan.ts` because the workflow reads it: that file's zod schemas would otherwise be evaluated again in
 * every cached ticket's workflow context (docs/deploying.md, worker sizing).
 */
export const planTermDefaults = {
  /** Business days of notice special-hours work needs (R16). */
  specialHoursNoticeDays: 3,
  /** A real desk does not count the client's time to decide against itself. */
  planApprovalPausesClocks: true,
} as const;

/** The plan's terms on the ticket's contract: its policy's, else the procedure's defaults. */
export function planTerms(policy: Pick<SlaPolicy, 'specialHoursNoticeDays' | 'planApprovalPausesClocks'>) {
  return {
    noticeDays: policy.specialHoursNoticeDays ?? planTermDefaults.specialHoursNoticeDays,
    pausesClocks: policy.planApprovalPausesClocks ?? planTermDefaults.planApprovalPausesClocks,
  };
}
