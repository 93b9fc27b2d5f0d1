import { startDeskProcesses, type DeskProcesses } from '../dev/desk-processes';
import type { Log } from '../dev/support';
import { startMailCatcher, type MailCatcher } from '../mail/mail-catcher';

const LINK_SECRET = 'chaos-link-secret-0123456789abcdefghijklmnop';

export interface Stack extends DeskProcesses {
  /** The recipients' mailboxes: outlives the mail process, so nothing it delivered is forgotten. */
  catcher: MailCatcher;
}

/** PostgreSQL, Temporal (on an SQLite file), a catcher, the mail process, two workers and two APIs. */
export async function startStack(dir: string, log: Log): Promise<Stack> {
  const catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0, keep: 1_000_000 });
  try {
    const desk = await startDeskProcesses({
      dir,
      upstreamSmtpUrl: `smtp://127.0.0.1:${catcher.smtpPort}`,
      linkSecret: LINK_SECRET,
      workers: 2,
      apis: 2,
      log,
    });
    return {
      ...desk,
      catcher,
      async close() {
        await desk.close();
        await catcher.close();
      },
    };
  } catch (error) {
    await catcher.close();
    throw error;
  }
}
