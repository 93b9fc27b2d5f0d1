import { describe, expect, it } from 'vitest';
import { formatTable, renderPlot } from '../bench/report';

describe('bench report', () => {
  it('prints a table with its columns aligned, numbers to the right', () => {
    const text = formatTable({
      title: 'creations',
      columns: ['design', 'per second', 'p99 ms'],
      rows: [
        ['ticket through the API', 41.25, 180],
        ['bare start', 250, 12.5],
      ],
    });
    expect(text.split('\n')).toEqual([
      'creations',
      'design                  per second  p99 ms',
      '----------------------  ----------  ------',
      'ticket through the API        41.3     180',
      'bare start                     250    12.5',
    ]);
  });

  it('renders a Vega-Lite plot to an SVG that carries its data', async () => {
    const svg = await renderPlot({
      name: 'latency',
      spec: {
        data: { values: [{ design: 'minimal-floor', ms: 7 }] },
        mark: 'bar',
        encoding: { x: { field: 'design', type: 'nominal' }, y: { field: 'ms', type: 'quantitative' } },
      },
    });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('minimal-floor');
  });
});
