/** One piece of a letter's body; rendered both as plain text and as HTML. */
export type Block =
  | { paragraph: string }
  | { quote: string }
  | { facts: [label: string, value: string][] }
  | { links: { label: string; href: string }[] };

/** The correspondence shape of the Customer Support SOP: introduction, information, closing, signature. */
export interface Layout {
  greeting: string;
  intro: string;
  blocks: Block[];
  closing: string[];
  signature: string[];
}

export function renderText(layout: Layout): string {
  const parts = [
    layout.greeting,
    layout.intro,
    ...layout.blocks.map(blockText),
    ...layout.closing,
    layout.signature.join('\n'),
  ];
  return `${parts.join('\n\n')}\n`;
}

export function renderHtml(layout: Layout): string {
  const parts = [
    paragraph(layout.greeting),
    paragraph(layout.intro),
    ...layout.blocks.map(blockHtml),
    ...layout.closing.map(paragraph),
    `<p>${layout.signature.map(escapeHtml).join('<br>')}</p>`,
  ];
  return `<!doctype html>\n<html><body>\n${parts.join('\n')}\n</body></html>\n`;
}

function blockText(block: Block): string {
  if ('paragraph' in block) return block.paragraph;
  if ('quote' in block)
    return lines(block.quote)
      .map((line) => `> ${line}`.trimEnd())
      .join('\n');
  if ('facts' in block) return block.facts.map(([label, value]) => `${label}: ${value}`).join('\n');
  return block.links.map(({ label, href }) => `${label}: ${href}`).join('\n');
}

function blockHtml(block: Block): string {
  if ('paragraph' in block) return paragraph(block.paragraph);
  if ('quote' in block) return `<blockquote>${multiline(block.quote)}</blockquote>`;
  if ('facts' in block) {
    const rows = block.facts.map(
      ([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${multiline(value)}</td></tr>`,
    );
    return `<table>\n${rows.join('\n')}\n</table>`;
  }
  const items = block.links.map(
    ({ label, href }) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`,
  );
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

function paragraph(text: string): string {
  return `<p>${multiline(text)}</p>`;
}

function multiline(text: string): string {
  return lines(text).map(escapeHtml).join('<br>');
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Everything in a letter may come from a requester's mail or form, so all of it is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
