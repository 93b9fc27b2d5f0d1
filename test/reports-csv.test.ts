import { describe, expect, it } from 'vitest';
import { toCsv } from '../desk/reports/csv';

describe('a report rendered as CSV (RFC 4180)', () => {
  it('writes a header and one CRLF-ended line per row, in the columns’ order', () => {
    const csv = toCsv(
      ['tier', 'tickets'],
      [
        { tickets: 3, tier: 'TIER_1' },
        { tier: 'TIER_2', tickets: 0 },
      ],
    );
    expect(csv).toBe('tier,tickets\r\nTIER_1,3\r\nTIER_2,0\r\n');
  });

  it('quotes a value holding a comma, a quote or a line break, doubling the quotes', () => {
    const rows = [
      { organization: 'Norte, Sur & Co', note: 'plain' },
      { organization: 'The "Main" Office', note: 'line one\nline two' },
      { organization: 'Carriage\rreturn', note: 'a\r\nb' },
    ];
    expect(toCsv(['organization', 'note'], rows)).toBe(
      'organization,note\r\n' +
        '"Norte, Sur & Co",plain\r\n' +
        '"The ""Main"" Office","line one\nline two"\r\n' +
        '"Carriage\rreturn","a\r\nb"\r\n',
    );
  });

  it('leaves empty cells for missing values and writes numbers and times as they are', () => {
    const at = new Date('2026-11-25T08:30:00.000Z');
    expect(toCsv(['a', 'b', 'c', 'd'], [{ a: null, b: 66.7, c: at }])).toBe(
      'a,b,c,d\r\n,66.7,2026-11-25T08:30:00.000Z,\r\n',
    );
  });

  it('keeps a text a spreadsheet would run as a formula as text, and numbers below zero as numbers', () => {
    const rows = [
      { organization: '=HYPERLINK("http://x.example","click")', delta: -2 },
      { organization: '@SUM(A1)', delta: 0 },
    ];
    expect(toCsv(['organization', 'delta'], rows)).toBe(
      'organization,delta\r\n' + `"'=HYPERLINK(""http://x.example"",""click"")",-2\r\n` + "'@SUM(A1),0\r\n",
    );
  });
});
