import { notificationKinds, type NotificationKind } from '../../domain/ticket-events';
import type { LetterTicket } from '../../domain/ticket-view';
import type { Block } from './layout';

const mailKinds = [
  'csat-survey',
  'unknown-sender-refusal',
  'ticket-held',
  'reply-received',
  'clarification-requested',
] as const;

/** Every letter there is: what the ticket events notify, and the letters of the mail channel. */
export const letterKinds: readonly (NotificationKind | (typeof mailKinds)[number])[] = [
  ...new Set([...notificationKinds, ...mailKinds]),
];
export type LetterKind = (typeof letterKinds)[number];
export type TicketLetterKind = Exclude<LetterKind, 'unknown-sender-refusal'>;

export type { LetterTicket };

export interface LetterEvent {
  type: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

export interface LetterRequest {
  kind: LetterKind;
  /** E-mail address the letter goes to: the requester, or someone on the desk (the event's `notifyTo`). */
  recipient: string;
  /** Null only for 'unknown-sender-refusal': there is no ticket to speak of. */
  ticket: LetterTicket | null;
  event: LetterEvent;
  links?: { csat?: string; portal?: string; plan?: string };
  desk?: { name: string; address: string };
}

export interface Letter {
  subject: string;
  text: string;
  html: string;
}

export interface LetterContext {
  ticket: LetterTicket;
  event: LetterEvent;
  links: { csat?: string; portal?: string; plan?: string };
  desk: { name: string; address: string };
  /** Whether the letter goes to the requester; desk staff and account managers get it worded for them. */
  toRequester: boolean;
  /** `[Request ID:##<number>##]`, which replies must keep to reach the ticket (R7). */
  tag: string;
}

/** What one kind of letter says; the layout adds the greeting, the standard closing and the signature. */
export interface LetterContent {
  /** The subject without the Request ID tag. */
  subject: string;
  /** The opening paragraph, saying why we write. */
  intro: string;
  blocks?: Block[];
  /** Replaces the standard closing (for the requester: an offer of further help and thanks). */
  closing?: string[];
}

export type LetterTemplate = (context: LetterContext) => LetterContent;
