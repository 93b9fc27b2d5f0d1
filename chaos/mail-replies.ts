import { createTransport } from 'nodemailer';
import { ATTEMPTS, pause } from './desk-client';
import type { ClientRecord, JourneyContext } from './journey';

/** A mail gateway retries until the listener takes the message; the Message-ID makes a repeat harmless. */
export async function replyByMail(ctx: JourneyContext, record: ClientRecord, number: string) {
  const transport = createTransport({ host: '127.0.0.1', port: ctx.inboundPort, secure: false });
  try {
    const messageId = `<reply-${record.marker.replaceAll(' ', '-')}@chaos.example>`;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const sent = await transport
        .sendMail({
          from: `${ctx.lane.name} <${ctx.lane.email}>`,
          to: 'support@ticketflow.local',
          subject: `Re: your ticket [Request ID:##${number}##]`,
          messageId,
          text: `${record.marker}: it jammed again this morning`,
        })
        .then(
          () => true,
          () => false,
        );
      if (sent) {
        record.replyId = messageId;
        return;
      }
      await pause(attempt);
    }
    record.unfinished.push('mail-reply');
  } finally {
    transport.close();
  }
}
