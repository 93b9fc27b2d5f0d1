import { h, labelOf } from './dom.js';
import { workflowsQueryUrl } from './temporal-ui.js';
import { ticketTable } from './ticket-table.js';

export const priorities = ['P1', 'P2', 'P3', 'P4'];
export const tiers = ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'];
const slaStates = ['breached', 'at_risk', 'on_track', 'paused'];

// "Which P1 tickets are breaching at Tier 3 right now": the queue answers it (priority, tier, SLA state) in R18
// order; the same question goes to the Temporal UI as a query.
export function openTickets(queue, filters, temporalUi) {
  const shown = queue.items;
  const select = (name, label, values, anyLabel) =>
    h(
      'label',
      {},
      `${label} `,
      h(
        'select',
        { name },
        h('option', { value: '' }, anyLabel),
        values.map((v) =>
          h('option', { value: v, selected: v === filters[name] }, name === 'priority' ? v : labelOf(v)),
        ),
      ),
    );
  const form = h(
    'form',
    {
      class: 'filters',
      'aria-label': 'Open tickets filters',
      onchange: (event) => applyFilters(event.currentTarget),
    },
    select('priority', 'Priority', priorities, 'any'),
    select('tier', 'Tier', tiers, 'any'),
    select('sla', 'SLA', slaStates, 'any'),
  );
  return h(
    'section',
    { 'aria-label': 'Open tickets by SLA' },
    h('h2', {}, 'Open tickets by SLA state'),
    form,
    temporalUi &&
      h(
        'p',
        {},
        h(
          'a',
          {
            href: workflowsQueryUrl(temporalUi, temporalQuery(filters)),
            target: '_blank',
            rel: 'noopener',
            class: 'temporal-query',
          },
          'The same tickets in the Temporal UI',
        ),
      ),
    ticketTable(
      shown,
      ['number', 'priority', 'tier', 'stage', 'sla', 'resolutionDue', 'organization', 'assignee'],
      { label: 'Open tickets', temporalUi },
    ),
    queue.total > queue.items.length &&
      h(
        'p',
        { class: 'muted' },
        `The first ${queue.items.length} of ${queue.total} such tickets, most urgent first.`,
      ),
  );
}

function temporalQuery({ priority, tier, sla }) {
  return [
    'ExecutionStatus = "Running"',
    priority && `TicketPriority = "${priority}"`,
    tier && `TicketTier = "${tier}"`,
    sla && `SlaState = "${sla}"`,
  ]
    .filter(Boolean)
    .join(' AND ');
}

function applyFilters(form) {
  const params = new URLSearchParams({ sla: form.sla.value });
  if (form.priority.value) params.set('priority', form.priority.value);
  if (form.tier.value) params.set('tier', form.tier.value);
  location.hash = `#/dashboard?${params}`;
}
