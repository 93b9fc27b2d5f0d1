import { createHash } from 'node:crypto';
import { Headers } from '@zone-eu/mailsplit';

/**
 * The same notification always gets the same Message-ID, so a letter sent again after a crash is known
 * for what it is by the outbound relay's ledger (and by any mailbox that folds duplicates).
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}

/** A raw message's Message-ID, read from its header block alone: the relay needs nothing of the body. */
export function messageIdOf(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n');
  const header = end >= 0 ? raw.subarray(0, end + 2) : raw.subarray(0, Math.max(0, raw.indexOf('\n\n') + 1));
  return new Headers(header).getFirst('message-id') || null;
}
