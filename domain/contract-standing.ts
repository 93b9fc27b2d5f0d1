/** A support contract's term, as dates (YYYY-MM-DD): both days included; without `validTo` it runs on. */
export interface ContractTerm {
  validFrom: string;
  validTo: string | null;
}

/**
 * Whether a contract stands on a day: the rule behind a ticket's SLA policy (R16), holding service for a
 * lapsed contract (R5) and releasing held tickets once a contract is renewed.
 */
export function standsOn(term: ContractTerm, day: string): boolean {
  return term.validFrom <= day && (term.validTo === null || term.validTo >= day);
}

/** The day an instant falls on in UTC, which is how contracts are matched to tickets. */
export function utcDay(at: string): string {
  return new Date(at).toISOString().slice(0, 10);
}
