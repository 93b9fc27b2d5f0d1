import { impacts, urgencies } from '../domain/priority';
import type { TicketIntake } from '../domain/ticket';

const labels = {
  phone: 'phone',
  'site address': 'address',
  building: 'building',
  room: 'room',
  'site contact': 'contactName',
  'site contact phone': 'contactPhone',
  affected: 'affected',
  impact: 'impact',
  urgency: 'urgency',
} as const;

type Field = (typeof labels)[keyof typeof labels];

export interface MailRequest {
  requester: { name: string; email: string };
  organization: string;
  subject: string;
  text: string;
}

/**
 * R1, R2 by e-mail: the subject names what is affected and the body describes it. The R2 details a form
 * asks for may be given as labelled lines ("Site address: …", "Site contact phone: …", "Impact: high");
 * those still missing are named, so the acknowledgement asks for them and the agent completes the ticket.
 */
export function intakeFromMail(mail: MailRequest): TicketIntake {
  const given = labelledLines(mail.text);
  const site =
    given.address && given.building && given.room
      ? { address: given.address, building: given.building, room: given.room }
      : undefined;
  const siteContact =
    given.contactName && given.contactPhone
      ? { name: given.contactName, phone: given.contactPhone }
      : undefined;
  const missing = [
    ...(given.phone ? [] : ['requester.phone']),
    ...(site ? [] : ['site']),
    ...(siteContact ? [] : ['siteContact']),
  ];
  const subject = mail.subject.replace(/^\s*((re|fwd?|aw|rv)\s*:\s*)+/i, '').trim();
  return {
    requester: { ...mail.requester, ...(given.phone ? { phone: given.phone } : {}) },
    organization: mail.organization,
    ...(site ? { site } : {}),
    ...(siteContact ? { siteContact } : {}),
    affected: (given.affected ?? subject).slice(0, 500) || 'not stated in the e-mail',
    description: mail.text.trim().slice(0, 20_000) || subject || '(empty e-mail)',
    impact: oneOf(impacts, given.impact) ?? 'medium',
    urgency: oneOf(urgencies, given.urgency) ?? 'medium',
    channel: 'email',
    ...(missing.length > 0 ? { missing } : {}),
  };
}

function labelledLines(text: string): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([a-z ]+?)\s*:\s*(.+?)\s*$/i.exec(line);
    const field = match && labels[match[1]!.toLowerCase() as keyof typeof labels];
    if (field && !found[field]) found[field] = match[2]!.slice(0, 500);
  }
  return found;
}

function oneOf<T extends string>(values: readonly T[], given: string | undefined): T | undefined {
  const value = given?.toLowerCase();
  return values.find((v) => v === value);
}
