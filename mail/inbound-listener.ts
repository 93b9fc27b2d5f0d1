import type { DeskContext } from '../desk/context';
import type { Logger } from '../lib/logger';
import { createInboundMailbox } from './inbound-mailbox';
import { listenSmtp, type SmtpListener } from './smtp-listener';

export interface InboundListenerOptions {
  ctx: DeskContext;
  log: Logger;
  host: string;
  port: number;
  maxBytes: number;
  attachmentMaxBytes: number;
}

/**
 * The desk's mail address, behind the site's mail gateway: the gateway hands each message here over SMTP.
 * A message is answered 250 once it is kept and handled; if handling failed, 451 makes the gateway retry.
 */
export async function startInboundListener(options: InboundListenerOptions): Promise<SmtpListener> {
  const mailbox = createInboundMailbox(options);
  return listenSmtp({
    host: options.host,
    port: options.port,
    maxBytes: options.maxBytes,
    name: 'ticketflow-inbound',
    log: options.log,
    onMail: async (mail) => void (await mailbox.receive(mail)),
  });
}
