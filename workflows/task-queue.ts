/** The task queue the ticket worker polls; `TICKETFLOW_TASK_QUEUE` overrides it (lib/config.ts). */
export const DEFAULT_TASK_QUEUE = 'ticketflow-tickets';
