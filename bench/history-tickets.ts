import { impacts, priorityOf, urgencies, type Priority } from '../domain/priority';
import { seedSlaPolicies } from '../domain/sla-seeds';
import type { ClockView, SlaView } from '../domain/sla-view';
import { channels, type Stage, type Tier } from '../domain/ticket';
import type { TicketEvent, TicketEventType } from '../domain/ticket-events';
import type { TicketSnapshot } from '../domain/ticket-view';

/** A closed ticket of the past as its workflow would have left it, with the survey answer it got. */
export interface HistoryTicket {
  snapshot: TicketSnapshot;
  events: TicketEvent[];
  csat: { score: number; comment: string | null; submittedAt: string } | null;
}

/** Several customers on the three seed policies, so reports have organizations and policies to group. */
const customers = [
  'BROCENT Retail',
  'ACME Logistics',
  'Andina Textiles',
  'Caribe Foods',
  'Pacífico Shipping',
  'Llanos Energy',
  'Sierra Clinics',
  'Orinoco Media',
].map((organization, i) => ({ organization, policy: seedSlaPolicies[i % seedSlaPolicies.length]! }));

const ladder: Tier[] = ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'];
const agents = ['maria.lopez', 'tomas.silva', 'nadia.haddad', 'priya.nair', 'kenji.sato'].map(
  (name) => `${name}@ticketflow.local`,
);
const MINUTE = 60_000;

/** mulberry32: a small seeded generator, so the same seed gives the same history on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ticket `number`, received at a random moment of [start, end): answered, perhaps asked for details,
 * escalated, sent an engineer, breached, closed unresolved by the manager, then closed and perhaps rated.
 * Business minutes are taken as calendar minutes: the rows only need plausible shapes and proportions.
 */
export function historyTicket(number: string, start: Date, end: Date, random: () => number): HistoryTicket {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const chance = (p: number) => random() < p;
  const { organization, policy } = pick(customers);
  const impact = pick(impacts);
  const urgency = pick(urgencies);
  const priority: Priority = priorityOf(impact, urgency);
  const channel = pick(channels);
  const targets = policy.targets[priority];
  const received = start.getTime() + Math.floor(random() * (end.getTime() - start.getTime()));
  const requester = { name: `Requester ${number}`, email: `${number.toLowerCase()}@customer.example` };

  const events: TicketEvent[] = [];
  let now = received;
  let stage: Stage = 'OPEN';
  let tier: Tier = 'TIER_1';
  const stageEnteredAt: TicketSnapshot['stageEnteredAt'] = { OPEN: iso(now) };
  const record = (type: TicketEventType, actor: string, data: Record<string, unknown>, at = now) =>
    events.push({ seq: events.length + 1, type, stage, actor, at: iso(at), data });
  const enter = (next: Stage) => {
    stage = next;
    stageEnteredAt[next] = iso(now);
  };
  const wait = (meanMinutes: number) => (now += Math.ceil(-Math.log(1 - random()) * meanMinutes) * MINUTE);
  const breachIfLate = (clock: 'response' | 'resolution', targetMinutes: number): ClockView => {
    const dueAt = received + targetMinutes * MINUTE;
    const used = Math.round((now - received) / MINUTE);
    if (now <= dueAt) return { state: 'met', dueAt: iso(dueAt), targetMinutes, usedMinutes: used };
    record('sla-breached', 'system', { clock, dueAt: iso(dueAt), targetMinutes }, dueAt);
    return { state: 'breached', dueAt: iso(dueAt), targetMinutes, usedMinutes: used };
  };

  record('opened', requester.email, { channel, parts: [], missing: undefined, enteredBy: undefined });
  wait(targets.responseMinutes * 0.6);
  const response = breachIfLate('response', targets.responseMinutes);
  const assignee = pick(agents);
  record('assigned', 'tier1-lead@ticketflow.local', { engineer: assignee, previous: null });
  if (chance(0.1)) {
    record('info-requested', assignee, { question: 'Which site is affected?' });
    wait(240);
    record('info-provided', requester.email, { answer: 'The main office' });
  }
  const climbs = chance(0.25) ? 1 + Math.floor(random() * (chance(0.1) ? 4 : 2)) : 0;
  for (let rung = 0; rung < climbs; rung++) {
    wait(policy.tierMinutes.TIER_1 * 0.8);
    const automatic = chance(0.6);
    const from = tier;
    const to: Tier = ladder[ladder.indexOf(tier) + 1]!;
    const data = {
      from,
      to,
      reason: automatic ? `${from} time frame ran out` : 'needs the next rung',
      automatic,
    };
    record('escalated', automatic ? 'system' : assignee, data);
    record('queued-at-tier', automatic ? 'system' : assignee, data);
    tier = to;
  }
  let onsite: ClockView | null = null;
  let dispatch: SlaView['dispatch'] = null;
  if (tier === 'ONSITE' || (tier !== 'MANAGER' && chance(0.04))) {
    const dispatchedAt = now;
    const engineer = { id: 'fe-priya-nair', name: 'Priya Nair', email: 'priya.nair@ticketflow.local' };
    dispatch = { dispatchId: `dispatch-${number}`, engineer, appointmentAt: iso(now + 60 * MINUTE) };
    record('engineer-dispatched', 'system', { dispatchId: dispatch.dispatchId, engineer });
    wait(policy.onsiteResponseMinutes * 0.7);
    const targetMinutes = policy.onsiteResponseMinutes;
    const late = now > dispatchedAt + targetMinutes * MINUTE;
    const dueAt = iso(dispatchedAt + targetMinutes * MINUTE);
    if (late) record('sla-breached', 'system', { clock: 'onsite', dueAt, targetMinutes }, Date.parse(dueAt));
    record('engineer-on-site', engineer.email, { dispatchId: dispatch.dispatchId });
    onsite = { state: late ? 'breached' : 'met', dueAt, targetMinutes, usedMinutes: 0 };
  }

  const unresolved = tier === 'MANAGER';
  let solution: TicketSnapshot['solution'] = null;
  let verification: TicketSnapshot['verification'] = null;
  let resolution: TicketSnapshot['resolution'];
  let resolutionClock: ClockView;
  if (unresolved) {
    record('manager-decision-requested', 'system', { dossierId: `dossier-${number}` });
    wait(policy.managerReminderMinutes);
    resolutionClock = breachIfLate('resolution', targets.resolutionMinutes);
    resolution = { text: 'End of life: replaced by the customer', by: policy.contacts.manager, at: iso(now) };
    record('closed-unresolved', policy.contacts.manager, {
      decision: 'close-unresolved',
      reason: 'End of life',
    });
    enter('CLOSED');
  } else {
    wait(targets.resolutionMinutes * 0.3);
    enter('ANALYSIS');
    record('analysis-started', assignee, { note: 'Reproduced the fault' });
    wait(targets.resolutionMinutes * 0.4);
    resolutionClock = breachIfLate('resolution', targets.resolutionMinutes);
    solution = { text: 'Renewed the certificate', by: assignee, at: iso(now) };
    enter('SOLUTION');
    record('solution-proposed', assignee, { solution: solution.text });
    enter('CUSTOMER_TESTING');
    record('testing-started', assignee, { instructions: 'Sign in again' });
    wait(600);
    const silent = chance(0.15);
    verification = silent
      ? { method: 'silence', by: 'system', at: iso(now), comment: 'no answer within the testing period' }
      : { method: 'client-accepted', by: requester.email, at: iso(now), comment: 'works' };
    if (!silent) record('accepted', requester.email, { comment: 'works' });
    wait(60);
    resolution = { text: 'Certificate renewed', by: assignee, at: iso(now) };
    record('closed', silent ? 'system' : assignee, { resolution: resolution.text, verification });
    enter('CLOSED');
  }
  record('csat-requested', 'system', {});

  const clocks = [response, resolutionClock, onsite].filter((clock): clock is ClockView => clock !== null);
  const sla: SlaView = {
    state: clocks.some((clock) => clock.state === 'breached') ? 'breached' : 'met',
    policyId: policy.id,
    calendarId: policy.calendar.id,
    response,
    resolution: resolutionClock,
    tierFrame: null,
    onsite,
    waitingOnClient: null,
    testingDeadline: null,
    nextStatusUpdateAt: null,
    statusUpdatesSent: 0,
    dispatch,
    manager: null,
    vendor: null,
    escalations: climbs,
  };
  const snapshot: TicketSnapshot = {
    number,
    stage,
    tier,
    priority,
    assignee: unresolved ? null : assignee,
    organization,
    channel,
    receivedAt: iso(received),
    stageEnteredAt,
    solution,
    verification,
    resolution,
    sla,
    plan: null,
    incident: null,
    allowedActions: [],
    intake: {
      requester,
      organization,
      affected: 'Single sign-on',
      description: 'Users cannot sign in since the morning',
      impact,
      urgency,
      channel,
    },
    held: null,
    version: events.length,
  };
  const rated = !unresolved && chance(0.4);
  const score = 1 + Math.floor(random() * 5);
  const csat = rated
    ? { score, comment: score < 3 ? 'Took too long' : null, submittedAt: iso(now + 90 * MINUTE) }
    : null;
  return { snapshot, events, csat };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
