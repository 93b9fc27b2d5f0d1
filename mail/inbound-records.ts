import type { Attachment } from 'mailparser';
import { cleanText } from '../domain/safe-text';
import type { Db } from '../lib/db';
import type { Logger } from '../lib/logger';
import type { ReceivedMail } from './smtp-listener';

export type InboundOutcome = {
  outcome: 'opened' | 'threaded' | 'clarification' | 'refused' | 'unparseable' | 'failed';
  ticketNumber?: string | null;
  detail?: string;
};

/** Every mail is kept as it came, with what became of it: nothing sent to the desk is lost. */
export async function recordInbound(
  db: Db,
  mail: ReceivedMail,
  messageId: string | null,
  result: InboundOutcome,
): Promise<InboundOutcome> {
  await db('inbound_mail').insert({
    mail_message_id: messageId,
    envelope_from: mail.envelopeFrom && cleanText(mail.envelopeFrom),
    envelope_to: mail.envelopeTo.map(cleanText),
    raw: mail.raw,
    outcome: result.outcome,
    ticket_number: result.ticketNumber ?? null,
    detail: result.detail ? cleanText(result.detail) : null,
  });
  return result;
}

/** Files larger than the limit are left out (and logged); the mail itself, with them, stays in inbound_mail. */
export async function storeAttachments(
  db: Db,
  ticketNumber: string,
  messageId: string | null,
  attachments: Attachment[],
  maxBytes: number,
  log: Logger,
): Promise<void> {
  const files = attachments.filter((a) => a.contentDisposition !== 'inline' || a.filename);
  const kept = files.filter((a) => a.size <= maxBytes);
  for (const skipped of files.filter((a) => a.size > maxBytes)) {
    log.warn(
      { ticket: ticketNumber, file: skipped.filename, size: skipped.size, maxBytes },
      'attachment too large',
    );
  }
  if (kept.length === 0) return;
  if (messageId && (await db('ticket_attachments').where({ mail_message_id: messageId }).first())) return;
  await db('ticket_attachments').insert(
    kept.map((a) => ({
      ticket_number: ticketNumber,
      mail_message_id: messageId,
      filename: cleanText(a.filename ?? '') || 'attachment',
      content_type: cleanText(a.contentType),
      size: a.size,
      content: a.content,
    })),
  );
}
