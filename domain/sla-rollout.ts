/** Revisions are PostgreSQL integers. */
export const MAX_REVISION = 2_147_483_647;

/** A stored change of an SLA policy or a business calendar, as rolled out to the tickets timed on it. */
export interface SlaChange {
  kind: 'policy' | 'calendar';
  id: string;
  revision: number;
}

/** The revisions of its policy and calendar a ticket is timed on; 0 for a ticket opened before revisions. */
export interface SlaRevisions {
  policy: number;
  calendar: number;
}

/** Who an admin's change reaches: tickets opened from now on only, or the running ones too. */
export const applyToChoices = ['new', 'running'] as const;
export type ApplyTo = (typeof applyToChoices)[number];

/** Where a rollout stands, as an admin reads it; counts add up to `found` once `done`. */
export interface RolloutProgress {
  change: SlaChange;
  /** Tickets on the policy or calendar when the change landed, found so far. */
  found: number;
  /** Told to re-time; each does so once, in its own history. */
  retimed: number;
  /** Already timed on this revision or a later one (opened after the change, or reached before). */
  alreadyCurrent: number;
  /** Closed after the change landed, before the rollout reached them: their clocks had stopped. */
  closedMeanwhile: number;
  failed: number;
  pages: number;
  startedAt: string;
  finishedAt: string | null;
  done: boolean;
}

/** How a rollout walks the tickets: listed `pageSize` at a time, signalled `batchSize` at once. */
export interface RolloutSizes {
  pageSize: number;
  batchSize: number;
  /** Pages per workflow run before it continues as new, keeping each history short. */
  pagesPerRun: number;
}

export const defaultRolloutSizes: RolloutSizes = { pageSize: 200, batchSize: 50, pagesPerRun: 10 };

/** One rollout per revision: starting it twice is the same rollout. */
export function rolloutWorkflowId(change: SlaChange): string {
  return `sla-rollout-${change.kind}-${change.id}-r${change.revision}`;
}
