import { badge, h, waitingBadge, when } from './dom.js';
import { workflowUrl } from './temporal-ui.js';

const columns = {
  number: ['Ticket', (t) => h('a', { href: `#/tickets/${encodeURIComponent(t.number)}` }, t.number)],
  priority: ['Priority', (t) => badge('priority', t.priority)],
  stage: ['Stage', (t) => badge('stage', t.stage)],
  tier: ['Tier', (t) => badge('tier', t.tier)],
  sla: [
    'SLA',
    (t) => [
      badge('sla', t.slaState),
      t.waitingOnClient && waitingBadge(),
      t.planOverdue && h('span', { class: 'badge overdue' }, 'plan activity overdue'),
    ],
  ],
  organization: ['Organization', (t) => t.organization],
  assignee: ['Engineer', (t) => t.assignee ?? '—'],
  received: ['Received', (t) => when(t.receivedAt)],
  responseDue: ['Response due', (t) => when(t.responseDue)],
  resolutionDue: ['Resolution due', (t) => when(t.resolutionDue)],
  updated: ['Last change', (t) => when(t.updatedAt)],
};

/** A table of ticket summaries (`GET /tickets`, `GET /queue` items) in the order given. */
export function ticketTable(tickets, names, { label, temporalUi } = {}) {
  if (tickets.length === 0) return h('p', { class: 'muted' }, 'No tickets.');
  const shown = names.map((name) => columns[name]);
  return h(
    'table',
    { class: 'tickets', 'aria-label': label },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        shown.map(([title]) => h('th', { scope: 'col' }, title)),
        temporalUi && h('th', {}, 'Temporal UI'),
      ),
    ),
    h(
      'tbody',
      {},
      tickets.map((ticket) =>
        h(
          'tr',
          { 'data-ticket': ticket.number },
          shown.map(([, cell]) => h('td', {}, cell(ticket))),
          temporalUi &&
            h(
              'td',
              {},
              h(
                'a',
                { href: workflowUrl(temporalUi, ticket.number), target: '_blank', rel: 'noopener' },
                'workflow',
              ),
            ),
        ),
      ),
    ),
  );
}
