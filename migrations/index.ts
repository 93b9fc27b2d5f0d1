import type { Knex } from 'knex';
import * as tickets from './20261123_001_tickets';
import * as slaPolicies from './20261124_002_sla_policies';
import * as ticketSlaView from './20261124_003_ticket_sla_view';
import * as partsCatalog from './20261124_004_parts_catalog';
import * as correspondence from './20261125_005_correspondence';
import * as organizationsAndPeople from './20261125_006_organizations_and_people';
import * as fieldService from './20261125_007_field_service';
import * as ticketIntakes from './20261204_008_ticket_intakes';
import * as relaySending from './20261204_009_relay_sending';
import * as fastestOnsiteResponse from './20261205_010_fastest_onsite_response';
import * as workPlans from './20261205_011_work_plans';
import * as slaRevisions from './20261205_012_sla_revisions';
import * as incidents from './20261205_013_incidents';
import * as reportReads from './20261205_014_report_reads';
import * as ticketsVacuumedOften from './20261207_015_tickets_vacuumed_often';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Knex.Migration> = {
  '20261123_001_tickets': tickets,
  '20261124_002_sla_policies': slaPolicies,
  '20261124_003_ticket_sla_view': ticketSlaView,
  '20261124_004_parts_catalog': partsCatalog,
  '20261125_005_correspondence': correspondence,
  '20261125_006_organizations_and_people': organizationsAndPeople,
  '20261125_007_field_service': fieldService,
  '20261204_008_ticket_intakes': ticketIntakes,
  '20261204_009_relay_sending': relaySending,
  '20261205_010_fastest_onsite_response': fastestOnsiteResponse,
  '20261205_011_work_plans': workPlans,
  '20261205_012_sla_revisions': slaRevisions,
  '20261205_013_incidents': incidents,
  '20261205_014_report_reads': reportReads,
  '20261207_015_tickets_vacuumed_often': ticketsVacuumedOften,
};
