import { DateTime } from 'luxon';
import type { Priority } from '../../domain/priority';
import type { Stage, Tier } from '../../domain/ticket';
import type { Block } from './layout';
import type { LetterTicket } from './types';

/** Every date in a letter: the instant in UTC with the zone named, e.g. `Tue 24 Nov 2026, 14:30 UTC`. */
export function formatInstant(iso: string): string {
  const instant = DateTime.fromISO(iso, { zone: 'utc' });
  return instant.isValid ? instant.setLocale('en-GB').toFormat("ccc d LLL yyyy, HH:mm 'UTC'") : iso;
}

const priorityNames: Record<Priority, string> = { P1: 'critical', P2: 'high', P3: 'medium', P4: 'low' };

export function priorityLabel(priority: string): string {
  const name = priorityNames[priority as Priority];
  return name ? `${priority} (${name})` : priority;
}

const tierNames: Record<Tier, string> = {
  TIER_1: 'Tier 1',
  TIER_2: 'Tier 2',
  TIER_3: 'Tier 3',
  ONSITE: 'onsite support',
  MANAGER: 'the IT manager',
};

export function tierLabel(tier: string): string {
  return tierNames[tier as Tier] ?? tier;
}

const stageNames: Record<Stage, string> = {
  OPEN: 'open, being reviewed',
  ANALYSIS: 'under analysis',
  SOLUTION: 'solution found',
  CUSTOMER_TESTING: 'waiting for your verification of the solution',
  CLOSED: 'closed',
};

export function stageLabel(stage: string): string {
  return stageNames[stage as Stage] ?? stage;
}

/** What was reported, in one line: the affected module and the description's first line. */
export function reported(ticket: LetterTicket): string {
  const first = ticket.description
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  return first ? `${ticket.affected}: ${first}` : ticket.affected;
}

export function requesterLine(ticket: LetterTicket): string {
  return `${ticket.requester.name} <${ticket.requester.email}>`;
}

/** What someone on the desk needs to place a ticket at a glance. */
export function deskFacts(ticket: LetterTicket): [string, string][] {
  return [
    ['Ticket', ticket.number],
    ['Priority', priorityLabel(ticket.priority)],
    ['Tier', tierLabel(ticket.tier)],
    ['Organization', ticket.organization],
    ['Requester', requesterLine(ticket)],
    ['Reported', reported(ticket)],
  ];
}

/** Event data is JSON from the workflow's history; a letter uses a value only when it has the expected type. */
export function textOf(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function numberOf(data: Record<string, unknown>, key: string): number | undefined {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function recordOf(data: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = data[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function listOf(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function followOnline(links: { portal?: string }): Block[] {
  return links.portal ? [{ links: [{ label: 'Follow your request online', href: links.portal }] }] : [];
}

/** Free text from a person ends a sentence in a letter; add the full stop only when it has none. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
