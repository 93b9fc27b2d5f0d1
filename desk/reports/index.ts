import { backlog } from './backlog';
import { breaches } from './breaches';
import { csat } from './csat';
import { escalations } from './escalations';
import type { Report } from './report';
import { resolutionTime } from './resolution-time';
import { slaCompliance } from './sla-compliance';

/** The managers' reports, each served at `/reports/<name>` (api/reports/routes.ts). */
export const reports: Report[] = [slaCompliance, backlog, escalations, resolutionTime, csat, breaches];
