import { api, ApiError } from './api.js';
import { errorBox, h } from './dom.js';
import { field, showFieldErrors, valuesOf, whileSubmitting } from './forms.js';

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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileSubmitting(form, async () => {
      try {
        const outcome = await api.post(
          `/tickets/${encodeURIComponent(ticket.number)}/replies`,
          valuesOf(form),
        );
        if (outcome.recorded === 'reply') return reload();
        form.reset();
        summary.replaceChildren(
          h('p', { class: 'notice', role: 'status' }, 'Sent to the engineer; the ticket stays closed.'),
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        showFieldErrors(form, error.errors, summary);
        if (error.errors.length === 0) summary.append(errorBox(error.message));
      }
    });
  });
  return h('details', { class: 'action' }, h('summary', {}, 'Reply'), form);
}
