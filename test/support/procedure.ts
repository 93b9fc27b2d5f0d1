/** The timeline of a ticket taken through every stage and accepted by its client (R8–R10, R13). */
export const fullProcedureTimeline = [
  'opened',
  'assigned',
  'analysis-started',
  'solution-proposed',
  'testing-started',
  'accepted',
  'closed',
  'csat-requested',
];
