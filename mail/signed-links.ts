import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'csat' | 'plan';

/**
 * A link that carries its ticket number and proves the desk made it: `<number>.<purpose>.<HMAC>`.
 * Changing any character of it makes `verifyLinkToken` refuse it. `edition` binds it to one version of what
 * it answers (a plan's revision): a link to an earlier one no longer verifies.
 */
export function signLinkToken(
  secret: string,
  purpose: LinkPurpose,
  ticketNumber: string,
  edition = '',
): string {
  return `${ticketNumber}.${purpose}.${mac(secret, purpose, ticketNumber, edition)}`;
}

/** The ticket number the token was made for, or null for a token the desk did not make. */
export function verifyLinkToken(
  secret: string,
  purpose: LinkPurpose,
  token: string,
  edition: (ticketNumber: string) => string = () => '',
): string | null {
  const match = /^([A-Z]+-\d+)\.([a-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[2] !== purpose) return null;
  const expected = Buffer.from(mac(secret, purpose, match[1]!, edition(match[1]!)));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

function mac(secret: string, purpose: LinkPurpose, ticketNumber: string, edition: string): string {
  const subject = edition ? `${purpose}:${ticketNumber}:${edition}` : `${purpose}:${ticketNumber}`;
  return createHmac('sha256', secret).update(subject).digest('base64url');
}
