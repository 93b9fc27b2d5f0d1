import { h } from './dom.js';

// Links into the Temporal UI, where the desk sees a ticket's workflow (R25). `settings.temporalUi` is
// given to the desk only; requesters get no link.

export function workflowUrl(ui, number) {
  return `${ui.url}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(number)}`;
}

/** The workflows list filtered by a search-attribute query, e.g. `SlaState = "breached"`. */
export function workflowsQueryUrl(ui, query) {
  return `${ui.url}/namespaces/${encodeURIComponent(ui.namespace)}/workflows?query=${encodeURIComponent(query)}`;
}

export function temporalUiLink(settings, number) {
  if (!settings.temporalUi) return null;
  return h(
    'a',
    {
      class: 'temporal-link',
      href: workflowUrl(settings.temporalUi, number),
      target: '_blank',
      rel: 'noopener',
    },
    'Open in the Temporal UI',
  );
}
