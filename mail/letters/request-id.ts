/** The tag every letter about a ticket carries in its subject; a reply that keeps it threads into the ticket (R7). */
export function requestIdTag(number: string): string {
  return `[Request ID:##${number}##]`;
}

// Mail clients prefix "Re:"/"Fwd:" and some re-space or re-case the subject, so the tag is read loosely;
// its number must still look like a ticket number, so `[Request ID:##TF-##]` and the like are ignored.
const tagPattern = /\[\s*request\s*id\s*:\s*##\s*([a-z]+-\d+)\s*##\s*\]/i;

/** The ticket number a subject refers to, or null when it carries no Request ID tag. */
export function ticketNumberInSubject(subject: string): string | null {
  const match = tagPattern.exec(subject);
  return match ? match[1]!.toUpperCase() : null;
}
