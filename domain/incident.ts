import { z } from 'zod';
import { priorities } from './priority';
import { instant } from './sla-view';

// A major incident: one outage that brought many tickets, worked once (R14, R15, R17). Its title, affected
// service and posted updates are its public text, which every linked ticket's requester may read; the impact
// note and the list of linked tickets are the desk's own.

export const incidentNumberPattern = /^INC-\d+$/;

/** What a linked ticket carries of its incident: the public text only. */
export const incidentNoticeSchema = z
  .object({
    number: z.string().meta({ examples: ['INC-1'] }),
    title: z.string(),
    service: z.string(),
    lastUpdate: z.object({ message: z.string(), at: instant }).nullable(),
    resolvedAt: instant.nullable(),
  })
  .describe('the major incident the ticket is linked to, as its requester may read it');
export type IncidentNotice = z.infer<typeof incidentNoticeSchema>;

export const incidentStatuses = ['open', 'resolved'] as const;

export const incidentEventTypes = [
  'declared',
  'ticket-linked',
  'ticket-unlinked',
  'update-posted',
  'priority-set',
  'resolved',
  'solution-refused',
] as const;

const incidentEventSchema = z.object({
  seq: z.int(),
  type: z.enum(incidentEventTypes),
  actor: z.string(),
  at: instant,
  data: z.record(z.string(), z.unknown()),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

const linkedTicketSchema = z.object({
  number: z.string(),
  organization: z.string(),
  linkedAt: instant,
});
export type LinkedTicket = z.infer<typeof linkedTicketSchema>;

export const incidentViewSchema = z.object({
  number: z.string().meta({ examples: ['INC-1'] }),
  title: z.string(),
  impact: z.string().describe("the desk's own note of who and what is hit"),
  service: z.string(),
  status: z.enum(incidentStatuses),
  priority: z.enum(priorities).nullable().describe('set by a manager; every linked ticket takes it (R15)'),
  declaredBy: z.string(),
  declaredAt: instant,
  resolvedAt: instant.nullable(),
  solution: z.string().nullable(),
  lastUpdate: incidentNoticeSchema.shape.lastUpdate,
  tickets: z.array(linkedTicketSchema),
  timeline: z.array(incidentEventSchema),
  version: z.int(),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

export function incidentNotice(incident: IncidentView): IncidentNotice {
  const { number, title, service, lastUpdate, resolvedAt } = incident;
  return { number, title, service, lastUpdate, resolvedAt };
}
