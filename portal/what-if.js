import { api } from './api.js';
import { barChart } from './charts.js';
import { field, onSubmit, clearFieldErrors } from './forms.js';
import { h, labelOf, show } from './dom.js';
import { priorities, tiers } from './open-tickets.js';

// The answer's figures: their name in the table, and a short one the chart's label column holds.
const figures = [
  ['responseBreaches', 'response breaches', 'response'],
  ['resolutionBreaches', 'resolution breaches', 'resolution'],
  ['automaticEscalations', 'automatic escalations', 'escalations'],
  ['managerDecisions', 'manager decisions', 'to manager'],
];

/** "What if": last month's tickets (by default) replayed against a policy the manager proposes. */
export async function whatIfPage(main) {
  const [from, to] = lastMonth(new Date());
  const summary = h('div', { class: 'form-summary' });
  const result = h('section', { 'aria-label': 'What-if result', 'aria-live': 'polite' });
  const number = (name, label) => field({ name, label, type: 'number' });
  const form = h(
    'form',
    { novalidate: true, 'aria-label': 'Proposed policy', class: 'what-if-form' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Tickets received'),
      field({ name: 'from', label: 'From', type: 'date', value: from }),
      field({ name: 'to', label: 'To', type: 'date', value: to }),
      field({ name: 'organization', label: 'Organization (all when empty)' }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Proposed policy (business minutes; empty: as each ticket had it)'),
      field({ name: 'proposed.policyId', label: 'Instead of their own, the policy' }),
      field({ name: 'proposed.calendarId', label: 'Counted in the calendar' }),
      tiers
        .filter((tier) => tier !== 'MANAGER')
        .map((tier) => number(`proposed.tierMinutes.${tier}`, `${labelOf(tier)} frame`)),
      priorities.map((p) => [
        number(`proposed.targets.${p}.responseMinutes`, `${p} response`),
        number(`proposed.targets.${p}.resolutionMinutes`, `${p} resolution`),
      ]),
    ),
    summary,
    h('button', { type: 'submit' }, 'Replay the tickets'),
  );
  onSubmit(form, summary, async (body) => {
    clearFieldErrors(form, summary);
    show(result, answerOf(await api.post('/reports/what-if', body)));
  });
  show(
    main,
    h('h1', {}, 'What if'),
    h(
      'p',
      { class: 'muted' },
      'Each ticket received in the period is replayed from its timeline, by its own policy and by the one ' +
        'proposed here. A ticket the proposal escalates differently is an estimate: what happened after ' +
        'might not have.',
    ),
    form,
    result,
  );
}

function answerOf(answer) {
  const rows = figures.flatMap(([name, , short]) =>
    ['Before', 'After'].map((side) => {
      const value = answer.total[`${name}${side}`];
      const kind = side === 'Before' ? 'before' : 'after';
      return {
        label: `${short} ${kind}`,
        value,
        text: String(value),
        segments: [{ value, name: kind, kind }],
      };
    }),
  );
  const max = Math.max(1, ...rows.map((row) => row.value));
  const legend = [
    { kind: 'before', name: 'their own policies' },
    { kind: 'after', name: 'the proposal' },
  ];
  return [
    h(
      'p',
      {},
      `${answer.tickets} tickets replayed: ${answer.changes.length} change, ${answer.approximate} of them as estimates.`,
    ),
    h(
      'div',
      { class: 'charts' },
      barChart({
        title: 'Before and after: breaches, automatic escalations, arrivals at the manager',
        rows,
        max,
        legend,
      }),
    ),
    answer.changes.length === 0 ? h('p', {}, 'No ticket changes.') : changesTable(answer.changes),
  ];
}

function changesTable(changes) {
  const pair = (change, name) => `${change.before[name]} → ${change.after[name]}`;
  return h(
    'table',
    { 'aria-label': 'Tickets that change' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Ticket', 'Priority', ...figures.map(([, label]) => label), 'Exact?'].map((t) => h('th', {}, t)),
      ),
    ),
    h(
      'tbody',
      {},
      changes.map((change) =>
        h(
          'tr',
          { 'data-ticket': change.number },
          h('td', {}, h('a', { href: `#/tickets/${encodeURIComponent(change.number)}` }, change.number)),
          h('td', {}, change.priority),
          figures.map(([name]) => h('td', {}, pair(change, name))),
          h('td', {}, change.approximate ? `estimate: ${change.approximate}` : 'exact'),
        ),
      ),
    ),
  );
}

/** The first and last UTC day of the month before `now`, as YYYY-MM-DD. */
function lastMonth(now) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return [first, last].map((day) => day.toISOString().slice(0, 10));
}
