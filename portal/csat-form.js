import { api, ApiError } from './api.js';
import { errorBox, h } from './dom.js';
import { field, showFieldErrors, valuesOf, whileSubmitting } from './forms.js';

const scores = [
  ['5', '5 · Very satisfied'],
  ['4', '4 · Satisfied'],
  ['3', '3 · Neutral'],
  ['2', '2 · Dissatisfied'],
  ['1', '1 · Very dissatisfied'],
];

/** R13: the requester rates a closed ticket once (`POST /tickets/:number/csat`), as the survey letter offers. */
export function csatPanel(ticket, reload) {
  if (ticket.csat) {
    return h(
      'p',
      { class: 'notice', role: 'status' },
      `You rated this request ${ticket.csat.score} of 5. Thank you.`,
    );
  }
  const summary = h('div');
  const form = h(
    'form',
    { novalidate: true, 'aria-label': 'Satisfaction' },
    field({
      name: 'score',
      label: 'How satisfied are you with how we handled it?',
      type: 'select',
      options: scores,
    }),
    field({ name: 'comment', label: 'Anything you would like to tell us?', type: 'textarea' }),
    summary,
    h('button', { type: 'submit' }, 'Send rating'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileSubmitting(form, async () => {
      try {
        await api.post(`/tickets/${encodeURIComponent(ticket.number)}/csat`, valuesOf(form));
        await reload();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        showFieldErrors(form, error.errors, summary);
        if (error.errors.length === 0) summary.append(errorBox(error.message));
      }
    });
  });
  return h('details', { class: 'action', open: true }, h('summary', {}, 'Rate our service'), form);
}
