import { createTransport } from 'nodemailer';
import type { MailSettings } from '../domain/mail-settings';
import { requireLinkSecret, type Config } from '../lib/config';

/** The worker's mail: letters go to the outbound relay named by SMTP_URL. */
export function mailSettings(config: Config): MailSettings {
  return {
    transport: createTransport(config.mail.smtpUrl),
    from: config.mail.from,
    messageIdDomain: config.mail.messageIdDomain,
    publicBaseUrl: config.publicBaseUrl,
    linkSecret: requireLinkSecret(config),
    handoffWaitMs: config.mail.handoffWaitMs,
  };
}
