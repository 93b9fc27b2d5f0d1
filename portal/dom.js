// Pages are built from elements, never from HTML strings: what people type is always shown as text.

/**
 * h('p', { class: 'muted' }, 'text', child): an element with attributes, `on<event>` listeners and
 * children (strings, nodes, arrays; null and false are skipped).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...flatten(children));
  return element;
}

function flatten(children) {
  return children
    .flat(Infinity)
    .filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : String(child)));
}

/** Replaces what `container` shows. */
export function show(container, ...children) {
  container.replaceChildren(...flatten(children));
}

/** A time as people read it, in their browser's time zone; the exact instant on hover. */
export function when(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  return h('time', { datetime: iso, title: iso }, at.toLocaleString(undefined, dateStyle));
}

const dateStyle = { dateStyle: 'medium', timeStyle: 'short' };

/** A stage, tier, priority or SLA state as a coloured label. */
export function badge(kind, value) {
  const label = kind === 'priority' ? value : labelOf(value);
  return h('span', { class: `badge ${kind}-${String(value).toLowerCase()}` }, label);
}

export function waitingBadge() {
  return h('span', { class: 'badge waiting' }, 'waiting on client');
}

/** `CUSTOMER_TESTING` → `customer testing`, `at_risk` → `at risk`. */
export function labelOf(code) {
  return String(code).toLowerCase().replace(/[_-]/g, ' ');
}

export function errorBox(message) {
  return h('p', { class: 'error-box', role: 'alert' }, message);
}
