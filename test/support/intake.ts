import type { TicketIntakeBody } from '../../api/tickets/intake-schema';

/** A complete R2 request; tests take pieces away from it. */
export function validIntake(overrides: Partial<TicketIntakeBody> = {}): Record<string, unknown> {
  return {
    requester: { name: 'Ana Ruiz', email: 'ana.ruiz@acme.example', phone: '+57 601 3557622' },
    organization: 'ACME Logistics',
    site: { address: 'Cra 7 #71-21', building: 'Torre B', room: '402' },
    siteContact: { name: 'Luis Gómez', phone: '+57 350 318 9922' },
    affected: 'CRM web client',
    description: 'Agents cannot log in since 08:00; the login page spins forever.',
    actionsTried: 'Cleared browser cache, tried another browser',
    errorMessages: 'ERR_SSO_TIMEOUT',
    firstTime: true,
    impact: 'high',
    urgency: 'medium',
    channel: 'portal',
    ...overrides,
  };
}
