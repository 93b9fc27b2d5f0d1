// Charts as inline SVG drawn from the report rows: no chart library, nothing from another origin.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 110;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/**
 * Horizontal bars, one row each, a row made of stacked segments. `rows`: [{ label, text, segments:
 * [{ value, name, kind }] }]; `max`: the value a full bar stands for. Each row carries its label and total
 * (`data-label`, `data-value`) and each segment its name and value as a tooltip.
 */
export function barChart({ title, rows, max, legend = [] }) {
  const barWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = rows.length * ROW_HEIGHT + 8;
  const chart = svg('svg', {
    class: 'chart',
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': title,
  });
  chart.append(svg('title', {}, title));
  rows.forEach((row, index) => {
    const y = index * ROW_HEIGHT + 4;
    const total = row.segments.reduce((sum, segment) => sum + (segment.value ?? 0), 0);
    const group = svg('g', { class: 'chart-row', 'data-label': row.label, 'data-value': row.value ?? total });
    group.append(
      svg(
        'text',
        { x: LABEL_WIDTH - 8, y: y + BAR_HEIGHT - 4, 'text-anchor': 'end', class: 'chart-label' },
        row.label,
      ),
      svg('rect', { x: LABEL_WIDTH, y, width: barWidth, height: BAR_HEIGHT, class: 'chart-track' }),
    );
    let x = LABEL_WIDTH;
    for (const segment of row.segments) {
      const width = max > 0 ? (barWidth * (segment.value ?? 0)) / max : 0;
      const rect = svg('rect', { x, y, width, height: BAR_HEIGHT, class: `chart-bar bar-${segment.kind}` });
      rect.append(svg('title', {}, `${row.label}, ${segment.name}: ${segment.value ?? 'none'}`));
      group.append(rect);
      x += width;
    }
    group.append(
      svg('text', { x: LABEL_WIDTH + barWidth + 8, y: y + BAR_HEIGHT - 4, class: 'chart-value' }, row.text),
    );
    chart.append(group);
  });
  const figure = document.createElement('figure');
  const caption = document.createElement('figcaption');
  caption.append(title, ...legend.map(legendEntry));
  figure.append(caption, chart);
  return figure;
}

function legendEntry({ kind, name }) {
  const entry = document.createElement('span');
  entry.className = 'legend';
  const swatch = svg(
    'svg',
    { width: 12, height: 12, 'aria-hidden': 'true' },
    svg('rect', { width: 12, height: 12, class: `bar-${kind}` }),
  );
  entry.append(swatch, ` ${name}`);
  return entry;
}
