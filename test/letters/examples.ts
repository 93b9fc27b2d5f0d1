import type { LetterKind } from '../../mail/letters';

export const requester = { name: 'Ana Ruiz', email: 'ana.ruiz@acme.example' };
const lead = 'lead.tier2@desk.example';
const engineer = { id: 'fe-7', name: 'Luis Gómez', email: 'luis.gomez@desk.example' };

/**
 * One event per kind, with the data the workflow records for it (workflows/*.ts; the mail channel's kinds
 * as their letters read it), and the recipient the projection addresses it to.
 */
export const examples: Record<
  LetterKind,
  { data: Record<string, unknown>; recipient?: string; actor?: string }
> = {
  acknowledgement: { data: { channel: 'portal' } },
  'testing-requested': { data: { instructions: 'Log in from a Torre B desk' } },
  resolved: {
    data: { resolution: 'Renewed the SSO certificate', verification: { method: 'client-accepted' } },
  },
  'info-requested': { data: { question: 'Which browser do the agents use?' } },
  'priority-changed': { data: { from: 'P3', to: 'P1', reason: 'The whole call centre is down' } },
  escalated: { data: { from: 'TIER_1', to: 'TIER_2', reason: 'needs SSO expertise', automatic: false } },
  'escalation-queued': {
    data: { from: 'TIER_1', to: 'TIER_2', reason: 'needs SSO expertise', automatic: false },
    recipient: lead,
  },
  'status-update': {
    data: {
      stage: 'ANALYSIS',
      tier: 'TIER_2',
      assignee: 'eng.maria',
      resolutionDue: '2026-11-24T22:00:00.000Z',
    },
  },
  'sla-at-risk': {
    data: { clock: 'response', dueAt: '2026-11-24T14:30:00.000Z', targetMinutes: 30 },
    recipient: lead,
  },
  'sla-breached': {
    data: { clock: 'resolution', dueAt: '2026-11-24T22:00:00.000Z', targetMinutes: 480 },
    recipient: lead,
  },
  'engineer-dispatched': {
    data: { engineer, appointmentAt: '2026-11-24T15:30:00.000Z', promiseDue: '2026-11-24T16:00:00.000Z' },
  },
  'dispatch-assigned': {
    data: { engineer, appointmentAt: '2026-11-24T15:30:00.000Z', promiseDue: '2026-11-24T16:00:00.000Z' },
    recipient: engineer.email,
  },
  'dispatch-failed': {
    data: { promiseDue: '2026-11-24T16:00:00.000Z' },
    recipient: 'it.manager@desk.example',
  },
  'appointment-beyond-promise': {
    data: {
      appointmentAt: '2026-11-24T19:00:00.000Z',
      promiseDue: '2026-11-24T16:00:00.000Z',
      reason: 'the site opens only after 14:00',
      onsite: 'at_risk',
    },
    recipient: 'onsite.lead@desk.example',
  },
  'manager-decision-requested': {
    data: {
      dossierId: 'TF-100123/dossier/4',
      events: 17,
      tiers: ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'],
      agents: ['eng.maria', engineer.email],
      waitingSince: '2026-11-25T09:00:00.000Z',
    },
    recipient: 'it.manager@desk.example',
  },
  'manager-reminder': {
    data: { reminders: 2, waitingSince: '2026-11-25T09:00:00.000Z' },
    recipient: 'it.manager@desk.example',
  },
  'manager-decided': { data: { decision: 'engage-vendor', vendorCaseRef: 'CISCO-88812' } },
  'vendor-follow-up': { data: { caseRef: 'CISCO-88812', followUps: 3 }, recipient: 'eng.maria@desk.example' },
  'closed-unresolved': { data: { decision: 'close-unresolved', reason: 'The product is end of life' } },
  'csat-survey': { data: {} },
  'unknown-sender-refusal': { data: { subject: 'Printer broken' }, recipient: 'someone@gmail.example' },
  'plan-proposed': {
    data: {
      revision: 1,
      objective: 'Move the SSO certificate to the new key vault without downtime',
      activities: [
        {
          id: 1,
          title: 'Install the new certificate',
          owner: engineer.email,
          start: '2026-12-12T02:00:00.000Z',
          end: '2026-12-12T04:00:00.000Z',
          onSite: true,
          specialHours: true,
        },
      ],
      noticeDays: 3,
      clocksPaused: true,
    },
  },
  'activity-overdue': {
    data: {
      activity: 1,
      title: 'Install the new certificate',
      owner: engineer.email,
      plannedEnd: '2026-12-12T04:00:00.000Z',
    },
    recipient: engineer.email,
  },
  'ticket-held': {
    data: { reason: 'contract-expired', detail: 'The support contract ended on 31 Oct 2026.' },
  },
  'reply-received': {
    data: { message: 'Chrome 131 on Windows 11', channel: 'email', subject: 'Re: We need more information' },
    actor: requester.email,
    recipient: lead,
  },
  'clarification-requested': {
    data: { message: 'Will the certificate expire again?', channel: 'portal' },
    actor: requester.email,
  },
};
