import { api, query } from './api.js';
import { h, show } from './dom.js';
import { ticketTable } from './ticket-table.js';

const tiers = ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'];

/** The desk's work queue in the order work is taken (R18): priority, then stage, then age. */
export async function queuePage(main, context, params) {
  const tier = params.get('tier') ?? '';
  const mine = params.get('mine') === '1';
  const page = await api.get(
    `/queue${query({ tier, assignee: mine ? context.me.email : undefined, limit: 100 })}`,
  );
  const filters = h(
    'form',
    {
      class: 'filters',
      'aria-label': 'Queue filters',
      onchange: (event) => applyFilters(event.currentTarget),
    },
    h(
      'label',
      {},
      'Tier ',
      h(
        'select',
        { name: 'tier' },
        h('option', { value: '' }, 'all'),
        tiers.map((t) => h('option', { value: t, selected: t === tier }, t)),
      ),
    ),
    h('label', {}, h('input', { type: 'checkbox', name: 'mine', checked: mine }), ' assigned to me'),
  );
  show(
    main,
    h('h1', {}, 'Work queue'),
    filters,
    ticketTable(
      page.items,
      [
        'number',
        'priority',
        'stage',
        'tier',
        'sla',
        'responseDue',
        'resolutionDue',
        'organization',
        'assignee',
      ],
      {
        label: 'Work queue',
        temporalUi: context.settings.temporalUi,
      },
    ),
    page.total > page.items.length &&
      h('p', { class: 'muted' }, `The first ${page.items.length} of ${page.total}.`),
  );
}

function applyFilters(form) {
  const params = new URLSearchParams();
  if (form.tier.value) params.set('tier', form.tier.value);
  if (form.mine.checked) params.set('mine', '1');
  location.hash = `#/queue${params.size ? `?${params}` : ''}`;
}
