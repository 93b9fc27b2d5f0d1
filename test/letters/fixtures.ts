import { expect } from 'vitest';
import {
  composeLetter,
  type Letter,
  type LetterKind,
  type LetterRequest,
  type LetterTicket,
} from '../../mail/letters';
import type { SlaView } from '../../domain/sla-view';
import { examples, requester } from './examples';

const clock = (dueAt: string, targetMinutes: number) => ({
  state: 'on_track' as const,
  dueAt,
  targetMinutes,
  usedMinutes: 0,
});

const sla: SlaView = {
  state: 'on_track',
  policyId: 'brocent-24x7',
  calendarId: '24x7',
  response: clock('2026-11-24T14:30:00.000Z', 30),
  resolution: clock('2026-11-24T22:00:00.000Z', 480),
  tierFrame: clock('2026-11-24T16:00:00.000Z', 120),
  onsite: null,
  waitingOnClient: null,
  testingDeadline: '2026-11-29T14:00:00.000Z',
  nextStatusUpdateAt: '2026-11-24T16:00:00.000Z',
  statusUpdatesSent: 0,
  dispatch: null,
  manager: null,
  vendor: null,
  escalations: 0,
};

export function ticket(overrides: Partial<LetterTicket> = {}): LetterTicket {
  return {
    number: 'TF-100123',
    stage: 'OPEN',
    priority: 'P2',
    tier: 'TIER_1',
    requester,
    organization: 'ACME Logistics',
    affected: 'CRM web client',
    description: 'Agents cannot log in\nSince 09:00, every agent in Torre B sees ERR_SSO_TIMEOUT.',
    solution: null,
    resolution: null,
    sla,
    ...overrides,
  };
}

export const csatLink = 'https://desk.example/csat/TF-100123?sig=c2lnbmVk';

export function letterFor(kind: LetterKind, request: Partial<LetterRequest> = {}): Letter {
  const example = examples[kind];
  return composeLetter({
    kind,
    recipient: example.recipient ?? requester.email,
    ticket: kind === 'unknown-sender-refusal' ? null : ticket(),
    event: {
      type: kind,
      actor: example.actor ?? 'eng.maria',
      at: '2026-11-24T14:05:00.000Z',
      data: example.data,
    },
    links: { csat: csatLink, portal: 'https://desk.example/portal/tickets/TF-100123' },
    ...request,
  });
}

/** Fails unless every part is in the text, each one after the one before it. */
export function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after character ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}
