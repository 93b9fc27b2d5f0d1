import type { Db } from '../../lib/db';
import { aRole } from '../../lib/directory';
import type { Principal } from '../access';
import { DeskError } from '../errors';
import { customerVoices, deskVoices, type ConversationVoice, type MessageBody } from './schemas';
import type { FieldTicket } from './field-tickets';

export interface ConversationMessage {
  id: number;
  author: string;
  as: string;
  channel: string;
  internal: boolean;
  subject: string | null;
  body: string;
  at: string;
}

/**
 * R22: one conversation per ticket shares progress among the field engineer, the site contact, the remote
 * engineer and the partner team; replies by e-mail thread into the same table. Internal notes are the
 * desk's: a requester neither writes nor reads them. It stays open after closing, for clarifications.
 */
export async function postMessage(
  db: Db,
  ticket: FieldTicket,
  principal: Principal,
  body: MessageBody,
): Promise<ConversationMessage> {
  const customer = principal.role === 'requester';
  if (customer && body.internal) {
    throw DeskError.forbidden('internal notes are kept from the customer', [
      { field: 'internal', message: 'a requester may not write internal notes' },
    ]);
  }
  const voices: readonly ConversationVoice[] = customer ? customerVoices : deskVoices;
  const voice = body.as ?? defaultVoice(principal);
  if (!voices.includes(voice)) {
    throw DeskError.forbidden(`${aRole(principal.role)} speaks as ${voices.join(', ')}`, [
      { field: 'as', message: `one of ${voices.join(', ')}` },
    ]);
  }
  const [row] = await db('ticket_messages')
    .insert({
      ticket_number: ticket.number,
      author: principal.email,
      author_role: voice,
      channel: 'conversation',
      internal: body.internal,
      body: body.message ?? body.body,
    })
    .returning<MessageRow[]>('*');
  return toMessage(row!);
}

/** Oldest first; a requester sees the shared part only. */
export async function listMessages(
  db: Db,
  ticket: FieldTicket,
  principal: Principal,
): Promise<ConversationMessage[]> {
  const rows: MessageRow[] = await db('ticket_messages')
    .where({ ticket_number: ticket.number })
    .modify((q) => {
      if (principal.role === 'requester') q.where({ internal: false });
    })
    .orderBy('id');
  return rows.map(toMessage);
}

function defaultVoice(principal: Principal): ConversationVoice {
  if (principal.role === 'requester') return 'requester';
  if (principal.agentKind === 'field-engineer' || principal.agentKind === 'second-line') {
    return principal.agentKind;
  }
  return 'partner';
}

interface MessageRow {
  id: string;
  author: string;
  author_role: string;
  channel: string;
  internal: boolean;
  subject: string | null;
  body: string;
  created_at: Date;
}

function toMessage(row: MessageRow): ConversationMessage {
  return {
    id: Number(row.id),
    author: row.author,
    as: row.author_role,
    channel: row.channel,
    internal: row.internal,
    subject: row.subject,
    body: row.body,
    at: row.created_at.toISOString(),
  };
}
