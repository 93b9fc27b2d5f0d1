import { createHash } from 'node:crypto';

/**
 * The same notification always gets the same Message-ID, so a letter sent again after a crash is known
 * for what it is by the outbound relay's ledger (and by any mailbox that folds duplicates).
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}
