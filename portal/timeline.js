import { h, labelOf, when } from './dom.js';

/** Everything that happened to the ticket, oldest first, each with who did it and what they wrote. */
export function timelineList(entries) {
  if (entries.length === 0) return h('p', { class: 'muted' }, 'Nothing recorded yet.');
  return h(
    'ol',
    { class: 'timeline', 'aria-label': 'Timeline' },
    entries.map((entry) =>
      h(
        'li',
        { 'data-type': entry.type },
        h(
          'div',
          { class: 'event-head' },
          h('strong', {}, labelOf(entry.type)),
          ' · ',
          when(entry.at),
          ' · ',
          h('span', { class: 'actor' }, entry.actor),
          ' · ',
          h('span', { class: 'muted' }, labelOf(entry.stage)),
        ),
        details(entry.data),
      ),
    ),
  );
}

// An event's data are its own words (note, reason, answer…); nested records read as compact JSON.
function details(data) {
  const rows = Object.entries(data ?? {}).filter(([, value]) => value !== null && value !== undefined);
  if (rows.length === 0) return null;
  return h(
    'dl',
    { class: 'event-data' },
    rows.map(([key, value]) => [
      h('dt', {}, labelOf(key.replace(/([a-z])([A-Z])/g, '$1 $2'))),
      h('dd', {}, typeof value === 'object' ? JSON.stringify(value) : String(value)),
    ]),
  );
}
