import { h, when } from './dom.js';

// R8 and R16: the ticket's work plan as everyone on it sees it. The client answers it with the plan's
// actions (approve-plan, decline-plan in actions.js); the desk follows each activity up there too.

const statusLabels = {
  'awaiting-approval': 'waiting for the client’s approval',
  approved: 'approved',
  declined: 'declined',
};

export function planPanel(ticket) {
  const { plan } = ticket;
  if (!plan) return null;
  // `when` gives a <time> element: it goes in as a child, since in a template string it reads [object …].
  const answer = plan.answer && [
    `${plan.answer.approved ? 'Approved' : 'Declined'} by ${plan.answer.by}, `,
    when(plan.answer.at),
    plan.answer.reason ? `: ${plan.answer.reason}` : '',
  ];
  return h(
    'section',
    { class: 'plan', 'aria-label': 'Work plan' },
    h('h2', {}, 'Work plan'),
    h('p', {}, h('strong', {}, plan.objective)),
    h(
      'p',
      { class: 'plan-status', 'data-status': plan.status },
      `Plan ${plan.revision}: ${statusLabels[plan.status]}`,
    ),
    answer && h('p', { class: 'muted' }, answer),
    plan.previousDecline &&
      h('p', { class: 'muted' }, `The previous plan was declined: ${plan.previousDecline.reason}`),
    h(
      'ol',
      { 'aria-label': 'Planned activities' },
      plan.activities.map((a) =>
        h(
          'li',
          { 'data-activity': a.id, 'data-status': a.status },
          `${a.title} (${a.owner}): `,
          when(a.start),
          ' – ',
          when(a.end),
          a.onSite && ' · on site',
          a.specialHours && h('span', { class: 'badge special-hours' }, 'special hours'),
          ` · ${a.status}`,
          a.overdue && a.status !== 'completed' && h('span', { class: 'badge overdue' }, 'overdue'),
        ),
      ),
    ),
  );
}
