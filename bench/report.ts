import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Machine } from './machine';
import type { FigureTable, Plot, ScenarioResult } from './scenario';

/** A figure as a reader wants it: whole numbers as they are, the rest to two significant decimals at most. */
export function formatFigure(value: string | number): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

/** The table as aligned text: words to the left, numbers to the right, so digits line up. */
export function formatTable(table: FigureTable): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(formatFigure))];
  const numeric = table.columns.map((_, i) => table.rows.some((row) => typeof row[i] === 'number'));
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [table.title, line(table.columns), rule, ...cells.slice(1).map(line)].join('\n');
}

export function formatResult(result: ScenarioResult): string {
  return [...result.tables.map(formatTable), ...result.notes.map((note) => `- ${note}`)].join('\n\n');
}

/** Vega-Lite compiled to Vega and rendered headless: no browser, no canvas, only the SVG text. */
export async function renderPlot(plot: Plot): Promise<string> {
  const view = new View(parse(compile(plot.spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Writes `<scenario>.json` (header, tables, notes) and one `<scenario>-<plot>.svg` per plot; returns the paths. */
export async function writeResults(
  dir: string,
  scenario: string,
  machine: Machine,
  result: ScenarioResult,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${scenario}.json`);
  const { tables, notes } = result;
  await writeFile(json, `${JSON.stringify({ scenario, machine, tables, notes }, null, 2)}\n`);
  const written = [json];
  for (const plot of result.plots) {
    const svg = join(dir, `${scenario}-${plot.name}.svg`);
    await writeFile(svg, await renderPlot(plot));
    written.push(svg);
  }
  return written;
}
