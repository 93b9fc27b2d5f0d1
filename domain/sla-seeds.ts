import { brocent24x7, customerSupportSop, itbxBogota } from './calendar/seeds';
import type { PriorityTargets, SlaPolicy } from './sla';

// One desk staffs every contract, so every policy reports to the same leads and the same manager.
const contacts: SlaPolicy['contacts'] = {
  tierLeads: {
    TIER_1: 'tier1-lead@ticketflow.local',
    TIER_2: 'tier2-lead@ticketflow.local',
    TIER_3: 'tier3-lead@ticketflow.local',
    ONSITE: 'onsite-lead@ticketflow.local',
  },
  manager: 'it-manager@ticketflow.local',
};

const targets = (
  responseMinutes: number,
  resolutionMinutes: number,
  statusUpdateMinutes: number | null,
): PriorityTargets => ({ responseMinutes, resolutionMinutes, statusUpdateMinutes });

/** Field service around the clock (BROCENT): business minutes are plain minutes, onsite within 2 hours (R21). */
export const brocent24x7Policy: SlaPolicy = {
  id: 'brocent-24x7',
  name: 'BROCENT 24x7 field service',
  calendar: brocent24x7,
  targets: {
    P1: targets(15, 240, 60),
    P2: targets(30, 480, 120),
    P3: targets(120, 1440, null),
    P4: targets(240, 2880, null),
  },
  tierMinutes: { TIER_1: 60, TIER_2: 120, TIER_3: 240, ONSITE: 240 },
  onsiteResponseMinutes: 120,
  // Five days: the silence the desk allowed before policies existed.
  customerTestingSilenceMinutes: 7200,
  atRiskShare: 0.75,
  managerReminderMinutes: 60,
  vendorFollowUpMinutes: 240,
  contacts,
};

/** The customer-support SOP: a weekday is 460 business minutes (10:00–17:40). */
export const customerSupportSopPolicy: SlaPolicy = {
  id: 'customer-support-sop',
  name: 'Customer support SOP',
  calendar: customerSupportSop,
  targets: {
    P1: targets(30, 240, 60),
    P2: targets(60, 960, 240),
    P3: targets(240, 2400, null),
    P4: targets(480, 4800, null),
  },
  tierMinutes: { TIER_1: 120, TIER_2: 240, TIER_3: 480, ONSITE: 480 },
  onsiteResponseMinutes: 480,
  // Three business days of 460 minutes.
  customerTestingSilenceMinutes: 1380,
  atRiskShare: 0.75,
  managerReminderMinutes: 120,
  vendorFollowUpMinutes: 480,
  contacts,
};

/** ITBX Bogotá: a weekday is 540 business minutes (08:00–17:00); onsite within one business day. */
export const itbxBogotaPolicy: SlaPolicy = {
  id: 'itbx-bogota',
  name: 'ITBX Bogotá',
  calendar: itbxBogota,
  targets: {
    P1: targets(30, 480, 120),
    P2: targets(120, 1080, 240),
    P3: targets(480, 2700, null),
    P4: targets(960, 5400, null),
  },
  tierMinutes: { TIER_1: 240, TIER_2: 480, TIER_3: 960, ONSITE: 960 },
  onsiteResponseMinutes: 540,
  // Three business days of 540 minutes.
  customerTestingSilenceMinutes: 1620,
  atRiskShare: 0.75,
  managerReminderMinutes: 240,
  vendorFollowUpMinutes: 540,
  contacts,
};

export const seedSlaPolicies: SlaPolicy[] = [brocent24x7Policy, customerSupportSopPolicy, itbxBogotaPolicy];
