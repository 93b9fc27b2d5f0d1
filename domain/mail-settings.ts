import type { Transporter } from 'nodemailer';

/** How the worker sends letters; mail/settings.ts builds it from the configuration, tests from their catcher. */
export interface MailSettings {
  /** Submits to the outbound relay, whose ledger makes a re-sent letter harmless. */
  transport: Transporter;
  from: string;
  messageIdDomain: string;
  /** Where links in letters point: the API serving the portal and the CSAT page. */
  publicBaseUrl: string;
  linkSecret: string;
  /**
   * How long the activity that records a change tries to hand its letters to the relay before it leaves them
   * to the ticket's courier: what a relay that hangs may add to an agent's command (`MAIL_HANDOFF_WAIT`).
   */
  handoffWaitMs: number;
}
