// The forms of the actions on a ticket, one per action, with the body each takes (api/tickets/action-table.ts).
// Which actions show is the ticket's `allowedActions` (what its stage allows now) narrowed to the
// signed-in person's role (`/portal/settings`). Replies have a form of their own (reply-form.js), open in
// every stage.

const text = (name, label, extra = {}) => ({ name, label, type: 'textarea', ...extra });
const optional = (name, label) => text(name, `${label} (optional)`);
const tiers = ['TIER_1', 'TIER_2', 'TIER_3', 'ONSITE'].map((tier) => [tier, tier.replace('_', ' ')]);

// Activities are numbers in the API; the select's value is turned back into one before sending.
const activityChoice = (ticket, status) => ({
  name: 'activity',
  label: 'Activity',
  type: 'select',
  options: (ticket.plan?.activities ?? [])
    .filter((a) => a.status === status)
    .map((a) => [String(a.id), `${a.id}. ${a.title}`]),
});

/** `when`: shown only while the form's `decision` is one of these (the decision's other fields must not go). */
export const actionForms = {
  assign: {
    label: 'Assign',
    fields: (me) => [{ name: 'engineer', label: 'Engineer', value: me.email }],
  },
  'start-analysis': { label: 'Start analysis', fields: () => [optional('note', 'Note')] },
  'propose-solution': { label: 'Propose a solution', fields: () => [text('solution', 'Solution')] },
  'start-testing': {
    label: 'Hand to the client for testing',
    fields: () => [optional('instructions', 'Instructions for the client')],
  },
  accept: { label: 'Accept the solution', fields: () => [optional('comment', 'Comment')] },
  reject: { label: 'Reject the solution', fields: () => [text('reason', 'What still does not work')] },
  close: {
    label: 'Close',
    fields: () => [
      text('resolution', 'Resolution'),
      {
        name: 'verification.method',
        label: 'The client confirmed by (unless they accepted here)',
        type: 'select',
        options: [
          ['phone', 'Phone'],
          ['email', 'E-mail'],
          ['in-person', 'In person'],
        ],
      },
      optional('verification.comment', 'How they confirmed'),
    ],
  },
  'request-info': { label: 'Ask the client', fields: () => [text('question', 'Question')] },
  'provide-info': { label: 'Answer the question', fields: () => [text('answer', 'Answer')] },
  'change-priority': {
    label: 'Change priority',
    fields: () => [
      {
        name: 'priority',
        label: 'Priority',
        type: 'select',
        options: ['P1', 'P2', 'P3', 'P4'].map((p) => [p, p]),
      },
      text('reason', 'Reason'),
    ],
  },
  escalate: { label: 'Escalate', fields: () => [text('reason', 'Reason')] },
  hold: {
    label: 'Hold: not justified (R5)',
    fields: () => [
      { name: 'reason', label: 'Why', type: 'select', options: [['not-justified', 'Not justified']] },
      text('detail', 'What is missing to justify it'),
    ],
  },
  release: { label: 'Release the hold', fields: () => [optional('note', 'Why it resumes')] },
  'complete-details': {
    label: 'Complete the request’s details',
    fields: () => [
      { name: 'requesterPhone', label: 'Requester phone' },
      { name: 'site.address', label: 'Site address' },
      { name: 'site.building', label: 'Building' },
      { name: 'site.room', label: 'Room' },
      { name: 'siteContact.name', label: 'Site contact' },
      { name: 'siteContact.phone', label: 'Site contact phone' },
    ],
  },
  'arrive-onsite': { label: 'Engineer on site', fields: () => [optional('note', 'Note')] },
  'approve-plan': {
    label: 'Approve the work plan',
    fields: () => [optional('note', 'Note')],
    sends: { channel: 'portal' },
  },
  'decline-plan': {
    label: 'Decline the work plan',
    fields: () => [text('reason', 'Why you decline it')],
    sends: { channel: 'portal' },
  },
  'start-activity': {
    label: 'Start a planned activity',
    fields: (me, ticket) => [activityChoice(ticket, 'planned'), text('note', 'Note')],
  },
  'complete-activity': {
    label: 'Complete an activity',
    fields: (me, ticket) => [activityChoice(ticket, 'started'), text('note', 'Note')],
  },
  decide: {
    label: 'Decide (IT manager)',
    fields: () => [
      {
        name: 'decision',
        label: 'Decision',
        type: 'select',
        options: [
          ['continue', 'Continue at a tier'],
          ['engage-vendor', 'Engage the vendor'],
          ['close-unresolved', 'Close as unresolved'],
        ],
      },
      { name: 'tier', label: 'Tier', type: 'select', options: tiers, when: ['continue'] },
      {
        name: 'frameMinutes',
        label: 'New time frame (business minutes)',
        type: 'number',
        when: ['continue'],
      },
      { name: 'vendorCaseRef', label: 'Vendor case reference', when: ['engage-vendor'] },
      { ...optional('note', 'Note'), when: ['continue', 'engage-vendor'] },
      { ...text('reason', 'Reason'), when: ['close-unresolved'] },
    ],
  },
};

/** The actions to offer: allowed now, open to this role, and with a form here. */
export function offeredActions(ticket, role, actionRoles) {
  return ticket.allowedActions.filter((name) => actionForms[name] && actionRoles[name]?.includes(role));
}
