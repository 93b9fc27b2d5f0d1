import { passed, type Verdict } from './verdicts';

const columns: [string, (v: Verdict) => string | number][] = [
  ['scenario', (v) => v.scenario],
  ['tickets', (v) => v.tickets],
  ['faults', (v) => v.faults],
  ['crashes', (v) => v.crashes],
  ['lost', (v) => v.lost],
  ['phantom', (v) => v.phantom],
  ['duplicated', (v) => v.duplicated],
  ['stale', (v) => v.stale],
  ['late timers', (v) => v.lateTimers],
  ['5xx (500)', (v) => `${v.serverErrors} (${v.internalErrors})`],
  ['503', (v) => v.unavailable],
  ['no answer', (v) => v.unanswered],
  ['e-mail dup', (v) => v.mailDuplicates],
  ['e-mail missing', (v) => v.mailMissing],
  ['gave up', (v) => v.unfinished],
  ['ok', (v) => (passed(v) ? 'yes' : 'NO')],
];

/** Sums every scenario into one line; the verdict is the whole run's. */
export function total(verdicts: Verdict[]): Verdict {
  const sum = (pick: (v: Verdict) => number) => verdicts.reduce((n, v) => n + pick(v), 0);
  return {
    scenario: 'all',
    tickets: sum((v) => v.tickets),
    faults: sum((v) => v.faults),
    crashes: sum((v) => v.crashes),
    lost: sum((v) => v.lost),
    phantom: sum((v) => v.phantom),
    duplicated: sum((v) => v.duplicated),
    stale: sum((v) => v.stale),
    lateTimers: sum((v) => v.lateTimers),
    serverErrors: sum((v) => v.serverErrors),
    internalErrors: sum((v) => v.internalErrors),
    unavailable: sum((v) => v.unavailable),
    unanswered: sum((v) => v.unanswered),
    mailDuplicates: sum((v) => v.mailDuplicates),
    mailMissing: sum((v) => v.mailMissing),
    unfinished: sum((v) => v.unfinished),
  };
}

export function formatTable(verdicts: Verdict[]): string {
  const rows = [...verdicts, total(verdicts)].map((v) => columns.map(([, cell]) => String(cell(v))));
  const widths = columns.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(columns.map(([title]) => title)), rule, ...rows.map(line)].join('\n');
}
