import { api } from './api.js';
import { h, show } from './dom.js';
import { field, filesOf, onSubmit, oversizedFiles, showFieldErrors } from './forms.js';

const levels = [
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
];

/** R2: what a request must carry. The requester and organization are the signed-in person's own. */
function sections(me) {
  return [
    [
      'You',
      [
        { name: 'requester.name', label: 'Name', value: me.name },
        { name: 'requester.email', label: 'E-mail', value: me.email, readonly: true },
        { name: 'requester.phone', label: 'Phone', hint: 'e.g. +57 601 3557622' },
        { name: 'organization', label: 'Organization', value: me.organization?.name, readonly: true },
      ],
    ],
    [
      'Where',
      [
        { name: 'site.address', label: 'Address' },
        { name: 'site.building', label: 'Building' },
        { name: 'site.room', label: 'Room' },
        { name: 'siteContact.name', label: 'Contact on site' },
        { name: 'siteContact.phone', label: 'Their phone' },
      ],
    ],
    [
      'Your engineer who can give us remote access (optional)',
      [
        { name: 'remoteEngineer.name', label: 'Remote engineer' },
        { name: 'remoteEngineer.phone', label: 'Remote engineer phone' },
        { name: 'remoteEngineer.email', label: 'Remote engineer e-mail (optional)' },
      ],
    ],
    [
      'What happened',
      [
        { name: 'affected', label: 'Affected system or device' },
        { name: 'description', label: 'Description', type: 'textarea' },
        { name: 'actionsTried', label: 'What you tried already (optional)', type: 'textarea' },
        { name: 'errorMessages', label: 'Error messages (optional)', type: 'textarea' },
        { name: 'files', label: 'Screenshots or files (optional)', type: 'file' },
        { name: 'firstTime', label: 'First time this happens', type: 'checkbox' },
        { name: 'impact', label: 'Impact', type: 'select', options: levels },
        { name: 'urgency', label: 'Urgency', type: 'select', options: levels },
      ],
    ],
  ];
}

const fieldWorkFields = [
  { name: 'fieldWork.scope', label: 'Work to do on site', type: 'textarea' },
  { name: 'fieldWork.appointment', label: 'How to arrange the visit' },
  { name: 'fieldWork.preferredOnsiteResponse', label: 'When you need someone on site', hint: 'e.g. 4h' },
];

/**
 * The new-ticket page: on success, opens the ticket; on a 4xx, shows each problem by its field. Files too
 * large are named before anything is sent; the others go up once the ticket has its number.
 */
export function ticketFormPage(main, me, settings) {
  const summary = h('div');
  const fieldWork = h(
    'fieldset',
    { hidden: true },
    h('legend', {}, 'Field work'),
    fieldWorkFields.map(field),
  );
  const needsVisit = h('input', {
    type: 'checkbox',
    id: 'needs-visit',
    onchange: () => (fieldWork.hidden = !needsVisit.checked),
  });
  const form = h(
    'form',
    { novalidate: true, class: 'ticket-form', 'aria-label': 'New ticket' },
    sections(me).map(([legend, specs]) => h('fieldset', {}, h('legend', {}, legend), specs.map(field))),
    h('p', { class: 'check' }, needsVisit, h('label', { for: 'needs-visit' }, 'Someone has to come on site')),
    fieldWork,
    summary,
    h('button', { type: 'submit' }, 'Open the ticket'),
  );
  onSubmit(form, summary, async (values) => {
    const files = filesOf(form);
    const oversized = oversizedFiles(files, settings.attachmentMaxBytes);
    if (oversized.length) return showFieldErrors(form, oversized, summary);
    const ticket = await api.post('/tickets', { ...values, channel: 'portal' });
    // The ticket stands either way; its page lists what was attached and takes files again.
    if (files.length) await api.attach(ticket.number, files).catch(() => undefined);
    location.hash = `#/tickets/${ticket.number}`;
  });
  show(main, h('h1', {}, 'New ticket'), form);
}
