import { api } from './api.js';
import { h } from './dom.js';
import { field, onSubmit } from './forms.js';

/**
 * A message on the ticket (`POST /tickets/:number/replies`). On an open ticket it goes on the timeline (and
 * answers a waiting question); on a closed one it is a clarification passed to the engineer.
 */
export function replyForm(ticket, reload) {
  const summary = h('div');
  const form = h(
    'form',
    { novalidate: true, 'aria-label': 'Reply' },
    field({ name: 'message', label: 'Message', type: 'textarea' }),
    summary,
    h('button', { type: 'submit' }, 'Reply'),
  );
  onSubmit(form, summary, async (values) => {
    const outcome = await api.post(`/tickets/${encodeURIComponent(ticket.number)}/replies`, values);
    if (outcome.recorded === 'reply') return reload();
    form.reset();
    summary.replaceChildren(
      h('p', { class: 'notice', role: 'status' }, 'Sent to the engineer; the ticket stays closed.'),
    );
  });
  return h('details', { class: 'action' }, h('summary', {}, 'Reply'), form);
}
