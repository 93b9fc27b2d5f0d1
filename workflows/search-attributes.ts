import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';

/**
 * The custom search attributes a manager filters tickets by in the Temporal UI (R25).
 * Registered by `npm run register-search-attributes` (and by `npm start` on its dev server), kept current by the
 * ticket workflow.
 */
export const ticketSearchAttributes = {
  TicketNumber: defineSearchAttributeKey('TicketNumber', SearchAttributeType.KEYWORD),
  TicketStage: defineSearchAttributeKey('TicketStage', SearchAttributeType.KEYWORD),
  TicketTier: defineSearchAttributeKey('TicketTier', SearchAttributeType.KEYWORD),
  TicketPriority: defineSearchAttributeKey('TicketPriority', SearchAttributeType.KEYWORD),
  Organization: defineSearchAttributeKey('Organization', SearchAttributeType.KEYWORD),
  SlaState: defineSearchAttributeKey('SlaState', SearchAttributeType.KEYWORD),
  ResolutionDue: defineSearchAttributeKey('ResolutionDue', SearchAttributeType.DATETIME),
  AssignedEngineer: defineSearchAttributeKey('AssignedEngineer', SearchAttributeType.KEYWORD),
  // What a policy or calendar change is rolled out by: the tickets timed on it, and the revision they hold.
  SlaPolicy: defineSearchAttributeKey('SlaPolicy', SearchAttributeType.KEYWORD),
  SlaCalendar: defineSearchAttributeKey('SlaCalendar', SearchAttributeType.KEYWORD),
  SlaPolicyRevision: defineSearchAttributeKey('SlaPolicyRevision', SearchAttributeType.INT),
  SlaCalendarRevision: defineSearchAttributeKey('SlaCalendarRevision', SearchAttributeType.INT),
  /** The major incident a ticket is linked to, while it is. */
  IncidentId: defineSearchAttributeKey('IncidentId', SearchAttributeType.KEYWORD),
} as const;

export const allTicketSearchAttributes = Object.values(ticketSearchAttributes);

/** The attributes as the operator service registers them: name → indexed value type. */
export function searchAttributeRegistrations(): Record<string, number> {
  return Object.fromEntries(
    allTicketSearchAttributes.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
  );
}
