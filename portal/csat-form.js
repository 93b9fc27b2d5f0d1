import { api } from './api.js';
import { h } from './dom.js';
import { field, onSubmit } from './forms.js';

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
  onSubmit(form, summary, async (values) => {
    await api.post(`/tickets/${encodeURIComponent(ticket.number)}/csat`, values);
    await reload();
  });
  return h('details', { class: 'action', open: true }, h('summary', {}, 'Rate our service'), form);
}
