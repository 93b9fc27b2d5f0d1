import type { Client } from '@temporalio/client';

/** What a workflow's history holds up to the event that answered its creating update. */
export interface CreationCounts {
  events: number;
  workflowTasks: number;
  localActivities: number;
  activities: number;
  patchMarkers: number;
  searchAttributeUpserts: number;
}

export const creationCountNames: [keyof CreationCounts, string][] = [
  ['events', 'events before the update answered'],
  ['workflowTasks', 'workflow tasks'],
  ['localActivities', 'local activities (markers)'],
  ['activities', 'activities'],
  ['patchMarkers', 'patch markers'],
  ['searchAttributeUpserts', 'search-attribute upserts'],
];

export async function creationCounts(client: Client, workflowId: string): Promise<CreationCounts> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const answered = events.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
  const before = answered === -1 ? events : events.slice(0, answered + 1);
  const count = (matches: (e: (typeof events)[number]) => unknown) => before.filter(matches).length;
  const marker = (name: string) => count((e) => e.markerRecordedEventAttributes?.markerName === name);
  return {
    events: before.length,
    workflowTasks: count((e) => e.workflowTaskCompletedEventAttributes),
    localActivities: marker('core_local_activity'),
    activities: count((e) => e.activityTaskScheduledEventAttributes),
    patchMarkers: marker('core_patch'),
    searchAttributeUpserts: count((e) => e.upsertWorkflowSearchAttributesEventAttributes),
  };
}

/** The mean of each count over a sample of creations: they differ only where a creation was retried. */
export async function meanCreationCounts(client: Client, workflowIds: string[]): Promise<CreationCounts> {
  const all = await Promise.all(workflowIds.map((id) => creationCounts(client, id)));
  const mean = (key: keyof CreationCounts) => all.reduce((sum, c) => sum + c[key], 0) / all.length;
  return Object.fromEntries(creationCountNames.map(([key]) => [key, mean(key)])) as unknown as CreationCounts;
}
