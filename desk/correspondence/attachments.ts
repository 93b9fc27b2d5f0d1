import { cleanText } from '../../domain/safe-text';
import type { Db } from '../../lib/db';
import { DeskError } from '../errors';

/** A file on a ticket, as the ticket lists it: whether it came with an e-mail or was uploaded (R2). */
export interface TicketAttachment {
  id: number;
  filename: string;
  contentType: string;
  size: number;
  receivedAt: string;
}

export interface UploadedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

const columns = ['id', 'filename', 'content_type', 'size', 'created_at'] as const;

interface AttachmentRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  created_at: Date;
}

const toAttachment = (row: AttachmentRow): TicketAttachment => ({
  id: Number(row.id),
  filename: row.filename,
  contentType: row.content_type,
  size: row.size,
  receivedAt: row.created_at.toISOString(),
});

/** Oldest first. */
export async function listAttachments(db: Db, ticketNumber: string): Promise<TicketAttachment[]> {
  await ensureTicketExists(db, ticketNumber);
  const rows: AttachmentRow[] = await db('ticket_attachments')
    .where({ ticket_number: ticketNumber })
    .orderBy('id')
    .select(columns);
  return rows.map(toAttachment);
}

/**
 * Screenshots and files sent with a request or later, kept where e-mail attachments are kept. All of them
 * or none: one statement writes them.
 */
export async function attachFiles(
  db: Db,
  ticketNumber: string,
  files: UploadedFile[],
): Promise<TicketAttachment[]> {
  await ensureTicketExists(db, ticketNumber);
  const empty = files.findIndex((file) => file.content.length === 0);
  if (empty >= 0) throw DeskError.invalid([{ field: 'files', message: `file ${empty + 1} is empty` }]);
  const rows: AttachmentRow[] = await db('ticket_attachments')
    .insert(
      files.map((file) => ({
        ticket_number: ticketNumber,
        mail_message_id: null,
        filename: cleanText(file.filename).trim() || 'attachment',
        content_type: cleanText(file.contentType) || 'application/octet-stream',
        size: file.content.length,
        content: file.content,
      })),
    )
    .returning(columns);
  return rows.map(toAttachment);
}

async function ensureTicketExists(db: Db, ticketNumber: string): Promise<void> {
  if (!(await db('tickets').where({ number: ticketNumber }).first('number'))) {
    throw DeskError.notFound(`ticket ${ticketNumber}`);
  }
}
