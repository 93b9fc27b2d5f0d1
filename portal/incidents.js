import { h, labelOf, when } from './dom.js';
import { workflowUrl, workflowsQueryUrl } from './temporal-ui.js';

/** The dashboard's major incidents: each with its tickets in the Temporal UI, by their `IncidentId`. */
export function incidentsSection(incidents, temporalUi) {
  const link = (href, text) => h('a', { href, target: '_blank', rel: 'noopener' }, text);
  const rows = incidents.map((incident) =>
    h(
      'tr',
      { 'data-incident': incident.number },
      h('td', {}, incident.number),
      h('td', {}, incident.title),
      h('td', {}, incident.service),
      h('td', {}, incident.priority ?? '—'),
      h('td', {}, labelOf(incident.status)),
      h('td', {}, String(incident.ticketCount)),
      h('td', {}, when(incident.declaredAt)),
      h(
        'td',
        {},
        temporalUi && link(workflowUrl(temporalUi, incident.number), 'workflow'),
        ' ',
        temporalUi && link(workflowsQueryUrl(temporalUi, `IncidentId = "${incident.number}"`), 'its tickets'),
      ),
    ),
  );
  const head = ['Incident', 'Title', 'Service', 'Priority', 'Status', 'Tickets', 'Declared', 'Temporal UI'];
  return h(
    'section',
    { 'aria-label': 'Major incidents' },
    h('h2', {}, 'Major incidents'),
    incidents.length === 0
      ? h('p', { class: 'muted' }, 'No major incidents.')
      : h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...head.map((text) => h('th', {}, text)))),
          h('tbody', {}, ...rows),
        ),
  );
}

/** On a linked ticket: the incident's public text, all its requester sees of it. */
export function incidentNotice(incident) {
  if (!incident) return null;
  return h(
    'section',
    { class: 'facts', 'aria-label': 'Major incident' },
    h('h2', {}, `Part of major incident ${incident.number}`),
    h('p', {}, `${incident.title} (${incident.service})`),
    incident.lastUpdate &&
      h('p', {}, `Latest update, ${when(incident.lastUpdate.at)}: ${incident.lastUpdate.message}`),
    incident.resolvedAt && h('p', {}, `Resolved ${when(incident.resolvedAt)}.`),
  );
}
