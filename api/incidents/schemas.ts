import { z } from 'zod';
import { incidentStatuses } from '../../domain/incident';
import { priorities } from '../../domain/priority';
import type { IncidentCommandName, IncidentCommands } from '../../workflows/messages';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`);

const ticketNumber = text(40).regex(/^TF-[A-Za-z0-9-]+$/, 'a ticket number such as TF-100001');

export const declarationSchema = z.strictObject({
  title: text(200).describe('public: every linked ticket’s requester reads it'),
  impact: text(5000).describe('the desk’s own note of who and what is hit'),
  service: text(200).describe('the affected service; public'),
});

export const incidentListQuery = z.strictObject({ status: z.enum(incidentStatuses).optional() });

type Body<C extends IncidentCommandName> = Omit<IncidentCommands[C], 'actor'>;

/** Each command an incident takes over HTTP: its body, its summary, and who may. */
export const incidentCommandTable: {
  [C in IncidentCommandName]: {
    summary: string;
    body: z.ZodType<Omit<Body<C>, 'organization'>>;
    roles: readonly ('agent' | 'manager')[];
  };
} = {
  link: {
    summary: 'Link a ticket; it takes the incident’s priority, and its status updates come from the incident',
    body: z.strictObject({ ticket: ticketNumber }),
    roles: ['agent', 'manager'],
  },
  unlink: {
    summary: 'Unlink a ticket: it is worked, and sends its status updates, on its own again',
    body: z.strictObject({ ticket: ticketNumber, reason: text(5000).optional() }),
    roles: ['agent', 'manager'],
  },
  'post-update': {
    summary:
      'Write one status update: one letter to each linked ticket’s requester, in the ticket’s thread (R17)',
    body: z.strictObject({ message: text(20_000) }),
    roles: ['agent', 'manager'],
  },
  'set-priority': {
    summary: 'Set the incident’s priority: every linked ticket takes it, its requester told (R15)',
    body: z.strictObject({
      priority: z.enum(priorities, { error: `one of ${priorities.join(', ')}` }),
      reason: text(5000),
    }),
    roles: ['manager'],
  },
  resolve: {
    summary:
      'Resolve: the solution is proposed to every linked ticket, each then tested by its client (R9, R10)',
    body: z.strictObject({ solution: text(20_000) }),
    roles: ['agent', 'manager'],
  },
};

export const incidentCommandNames = Object.keys(incidentCommandTable) as IncidentCommandName[];
