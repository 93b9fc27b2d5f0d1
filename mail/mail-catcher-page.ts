import type { CaughtMail } from './caught-mail';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A newest-first list of caught mail; `?id=N` shows one message's text. */
export function catcherPage(caught: CaughtMail[], url: URL): string {
  const id = Number(url.searchParams.get('id'));
  const selected = caught.find((m) => m.id === id);
  const rows = [...caught]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to.join(', '))}</td>` +
        `<td><a href="/?id=${m.id}">${escape(m.subject)}</a></td></tr>`,
    )
    .join('');
  const body = selected
    ? `<h2>${escape(selected.subject)}</h2><p>From ${escape(selected.from)} to ${escape(selected.to.join(', '))}` +
      ` · ${escape(selected.messageId ?? '')}</p><pre>${escape(selected.text)}</pre>`
    : '<p>Select a message.</p>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>ticketflow mail catcher</title>
<meta http-equiv="refresh" content="10"><style>body{font:14px system-ui;margin:2em}td{padding:2px 8px}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>
<h1>Mail sent by ticketflow (${caught.length})</h1><table><tr><th>Received</th><th>To</th><th>Subject</th></tr>
${rows}</table>${body}</body></html>`;
}
