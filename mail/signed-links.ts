import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'csat';

/**
 * A link that carries its ticket number and proves the desk made it: `<number>.<purpose>.<HMAC>`.
 * Changing any character of it makes `verifyLinkToken` refuse it.
 */
export function signLinkToken(secret: string, purpose: LinkPurpose, ticketNumber: string): string {
  return `${ticketNumber}.${purpose}.${mac(secret, purpose, ticketNumber)}`;
}

/** The ticket number the token was made for, or null for a token the desk did not make. */
export function verifyLinkToken(secret: string, purpose: LinkPurpose, token: string): string | null {
  const match = /^([A-Z]+-\d+)\.([a-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[2] !== purpose) return null;
  const expected = Buffer.from(mac(secret, purpose, match[1]!));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

function mac(secret: string, purpose: LinkPurpose, ticketNumber: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${ticketNumber}`).digest('base64url');
}
