import { actionForms, offeredActions } from './actions.js';
import { api } from './api.js';
import { badge, h, labelOf, show, waitingBadge, when } from './dom.js';
import { field, filesOf, onSubmit, oversizedFiles, showFieldErrors } from './forms.js';
import { csatPanel } from './csat-form.js';
import { planPanel } from './plan-panel.js';
import { replyForm } from './reply-form.js';
import { incidentNotice } from './incidents.js';
import { temporalUiLink } from './temporal-ui.js';
import { timelineList } from './timeline.js';

/** One ticket: where it stands, what was asked, its timeline, and the actions the person may take now. */
export async function ticketPage(main, context, number) {
  const ticket = await api.get(`/tickets/${encodeURIComponent(number)}`);
  const reload = () => ticketPage(main, context, number);
  show(
    main,
    h(
      'div',
      { class: 'ticket-head' },
      h('h1', {}, ticket.number, ' ', h('span', { class: 'subtitle' }, ticket.intake.affected)),
      temporalUiLink(context.settings, ticket.number),
    ),
    h(
      'p',
      { class: 'badges' },
      badge('stage', ticket.stage),
      badge('tier', ticket.tier),
      badge('priority', ticket.priority),
      badge('sla', ticket.slaState),
      ticket.waitingOnClient && waitingBadge(),
    ),
    incidentNotice(ticket.incident),
    h('div', { class: 'columns' }, facts(ticket), actionsPanel(ticket, context, reload)),
    planPanel(ticket),
    await attachmentsSection(ticket, context, reload),
    h('h2', {}, 'Timeline'),
    timelineList(ticket.timeline),
  );
}

function facts(ticket) {
  const { intake } = ticket;
  const rows = [
    ['Organization', ticket.organization],
    ['Requester', `${intake.requester.name} <${intake.requester.email}>`],
    [
      'Site',
      intake.site
        ? `${intake.site.address}, ${intake.site.building}, room ${intake.site.room}`
        : 'not given yet',
    ],
    intake.remoteEngineer && [
      'Remote engineer',
      [intake.remoteEngineer.name, intake.remoteEngineer.phone, intake.remoteEngineer.email]
        .filter(Boolean)
        .join(', '),
    ],
    ['Description', intake.description],
    ['Assigned engineer', ticket.assignee ?? 'nobody yet'],
    ['Received', when(ticket.receivedAt)],
    ['Response due', when(ticket.responseDue)],
    ['Resolution due', when(ticket.resolutionDue)],
    ticket.solution && ['Solution', ticket.solution.text],
    ticket.resolution && ['Resolution', ticket.resolution.text],
  ].filter(Boolean);
  return h(
    'section',
    { class: 'facts', 'aria-label': 'Ticket' },
    h(
      'dl',
      {},
      rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
  );
}

function actionsPanel(ticket, context, reload) {
  const { role } = context.me;
  const offered = offeredActions(ticket, role, context.settings.actionRoles);
  const mayReply = context.settings.actionRoles.reply?.includes(role);
  return h(
    'section',
    { class: 'actions', 'aria-label': 'Actions' },
    h('h2', {}, 'Actions'),
    offered.map((name) => actionForm(ticket, name, context, reload)),
    mayReply && replyForm(ticket, reload),
    role === 'requester' && ticket.stage === 'CLOSED' && csatPanel(ticket, reload),
    offered.length === 0 &&
      !mayReply &&
      h('p', { class: 'muted' }, `Nothing for you to do in ${labelOf(ticket.stage)}.`),
  );
}

function actionForm(ticket, name, context, reload) {
  const definition = actionForms[name];
  const summary = h('div');
  const fields = definition.fields(context.me, ticket).map((spec) => {
    const wrapper = field(spec);
    if (spec.when) wrapper.dataset.when = spec.when.join(' ');
    return wrapper;
  });
  const form = h(
    'form',
    { novalidate: true, 'data-action': name, 'aria-label': definition.label },
    fields,
    summary,
    h('button', { type: 'submit' }, definition.label),
  );
  showOnlyWhatTheDecisionTakes(form);
  onSubmit(
    form,
    summary,
    async (values) => {
      const body = { ...values, ...definition.sends };
      if (body.activity !== undefined) body.activity = Number(body.activity);
      await api.post(`/tickets/${encodeURIComponent(ticket.number)}/actions/${name}`, body);
      await reload();
    },
    explain,
  );
  return h('details', { class: 'action' }, h('summary', {}, definition.label), form);
}

function explain(error) {
  if (error.status === 409)
    return `Not possible now: the ticket is in ${labelOf(error.body.stage)}. Reload it.`;
  if (error.status === 503) return 'The desk did not answer in time. Reload the ticket before trying again.';
  return error.message;
}

// `decide` takes different fields for each decision; the others are hidden, and hidden fields are not sent.
function showOnlyWhatTheDecisionTakes(form) {
  const decision = form.querySelector('[name="decision"]');
  if (!decision) return;
  const update = () => {
    for (const wrapper of form.querySelectorAll('[data-when]')) {
      wrapper.hidden = !wrapper.dataset.when.split(' ').includes(decision.value);
    }
  };
  decision.addEventListener('change', update);
  update();
}

/** R2: the screenshots and files on the ticket, uploaded or come by e-mail, and a form to add more. */
async function attachmentsSection(ticket, context, reload) {
  const path = `/tickets/${encodeURIComponent(ticket.number)}/attachments`;
  const { items } = await api.get(path);
  const save = async (file) => {
    const link = h('a', { href: URL.createObjectURL(await api.download(`${path}/${file.id}`)) });
    link.download = file.filename;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const summary = h('div');
  const form = h(
    'form',
    { novalidate: true, 'aria-label': 'Attach files' },
    field({ name: 'files', label: 'Screenshots or files', type: 'file' }),
    summary,
    h('button', { type: 'submit' }, 'Attach'),
  );
  onSubmit(form, summary, async () => {
    const files = filesOf(form);
    const problems = files.length
      ? oversizedFiles(files, context.settings.attachmentMaxBytes)
      : [{ field: 'files', message: 'choose one or more files' }];
    if (problems.length) return showFieldErrors(form, problems, summary);
    await api.attach(ticket.number, files);
    await reload();
  });
  return h(
    'section',
    { class: 'attachments', 'aria-label': 'Attachments' },
    h('h2', {}, 'Attachments'),
    items.length
      ? h(
          'ul',
          {},
          items.map((file) =>
            h(
              'li',
              { 'data-attachment': file.id },
              h('button', { type: 'button', class: 'link', onclick: () => void save(file) }, file.filename),
              ` ${Math.ceil(file.size / 1024)} KB, `,
              when(file.receivedAt),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No files yet.'),
    form,
  );
}
