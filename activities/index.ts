import type { Db } from '../lib/db';
import { createBusinessClockActivities } from './business-clock';
import { createFieldDispatchActivities } from './field-dispatch';
import { createIncidentActivities } from './incident-tickets';
import type { MailSettings } from '../domain/mail-settings';
import { createLetterDeliveryActivities } from './letter-delivery';
import { createManagerDossierActivities } from './manager-dossier';
import { createOpeningTermsActivities } from './opening-terms';
import { createSlaPolicyActivities } from './sla-policy';
import { createSlaRolloutActivities } from './sla-rollout';
import { createTicketProjection } from './ticket-projection';

export interface ActivityDependencies {
  db: Db;
  /** The SLA policy of organizations without a valid contract. */
  defaultPolicyId: string;
  mail: MailSettings;
}

/** Every activity the ticket worker runs, built from what it needs so tests can hand in their own. */
export function createActivities({ db, defaultPolicyId, mail }: ActivityDependencies) {
  return {
    ...createTicketProjection(db, mail),
    ...createSlaPolicyActivities(db, defaultPolicyId),
    ...createSlaRolloutActivities(),
    ...createBusinessClockActivities(),
    ...createFieldDispatchActivities(db),
    ...createManagerDossierActivities(db),
    ...createLetterDeliveryActivities(db, mail),
    ...createOpeningTermsActivities(db, defaultPolicyId),
    ...createIncidentActivities(db),
  };
}

export type TicketActivities = ReturnType<typeof createActivities>;
