import { api } from './api.js';
import { h, show } from './dom.js';
import { ticketTable } from './ticket-table.js';

/** A requester's tickets (the API shows them only their organization's), newest first. */
export async function myTicketsPage(main) {
  const page = await api.get('/tickets?limit=100');
  show(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Your tickets'),
      h('a', { class: 'button', href: '#/new' }, 'New ticket'),
    ),
    ticketTable(page.items, ['number', 'stage', 'priority', 'sla', 'assignee', 'received', 'updated'], {
      label: 'Your tickets',
    }),
    page.total > page.items.length &&
      h('p', { class: 'muted' }, `The newest ${page.items.length} of ${page.total}.`),
  );
}
