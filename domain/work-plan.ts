import { z } from 'zod';
import { instant } from './sla-view';

// R8's work plan (an objective, a schedule of activities, the client's approval, follow-up and control) and
// R16's special-hours work, as everyone outside the workflow sees them.

export const planStatuses = ['awaiting-approval', 'approved', 'declined'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const activityStatuses = ['planned', 'started', 'completed'] as const;

/** How the client's answer reached the desk. */
export const planAnswerChannels = ['portal', 'api', 'link'] as const;
export type PlanAnswerChannel = (typeof planAnswerChannels)[number];

const signedNote = z.object({ by: z.string(), at: instant, note: z.string().optional() });

export const plannedActivitySchema = z.object({
  id: z.int().describe('1, 2, … in the order the plan lists them'),
  title: z.string(),
  owner: z.string().describe('who carries it out, and is reminded when it is overdue'),
  start: instant,
  end: instant,
  onSite: z.boolean(),
  specialHours: z
    .boolean()
    .describe("outside the contract calendar's hours: agreed with the client as special-hours work (R16)"),
  status: z.enum(activityStatuses),
  started: signedNote.nullable(),
  completed: signedNote.nullable(),
  overdue: z.boolean().describe('past its planned end without completion; its owner was reminded'),
});
export type PlannedActivity = z.infer<typeof plannedActivitySchema>;

export const workPlanSchema = z
  .object({
    revision: z.int().describe('1 for the first draft, one more for each redraft'),
    objective: z.string(),
    status: z.enum(planStatuses),
    drafted: z.object({ by: z.string(), at: instant }),
    answer: z
      .object({
        approved: z.boolean(),
        by: z.string(),
        at: instant,
        via: z.enum(planAnswerChannels),
        reason: z.string().optional(),
      })
      .nullable()
      .describe("the client's answer to this revision; a declined plan's reason stays until the redraft"),
    previousDecline: z
      .object({ by: z.string(), at: instant, reason: z.string() })
      .nullable()
      .describe('why the client declined the revision before this one'),
    activities: z.array(plannedActivitySchema),
  })
  .describe('the work plan (R8), with its special-hours work (R16)');
export type WorkPlan = z.infer<typeof workPlanSchema>;

/** A special-hours window the client agreed to, as the field engineer and the invoice see it. */
export interface AgreedWindow {
  activity: number;
  title: string;
  start: string;
  end: string;
}

/** The special-hours windows on site of an approved plan: when a field engineer may work outside hours. */
export function onsiteWindows(plan: WorkPlan | null | undefined): AgreedWindow[] {
  if (plan?.status !== 'approved') return [];
  return plan.activities
    .filter((a) => a.specialHours && a.onSite)
    .map((a) => ({ activity: a.id, title: a.title, start: a.start, end: a.end }));
}

/** Minutes of [from, to) that fall inside the windows: what is counted apart as special hours. */
export function minutesWithin(windows: AgreedWindow[], from: Date, to: Date): number {
  const ms = windows.reduce((sum, w) => {
    const start = Math.max(from.getTime(), Date.parse(w.start));
    const end = Math.min(to.getTime(), Date.parse(w.end));
    return sum + Math.max(0, end - start);
  }, 0);
  return Math.round(ms / 60_000);
}
