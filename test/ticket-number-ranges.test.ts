import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Ticket numbers are workflow ids on the Temporal server every test file shares. A file on a database of its
// own numbers from a range of its own; two files on one range open the same workflow id, and the second
// file's ticket attaches to the first's workflow, whose projection writes to the other database.
const rangeStarts = [
  /(?:useDeskStack|useReportTickets)\(\s*'[^']+',\s*([\d_]+)/g,
  /startOwnPostgres\(\s*([\d_]+)/g,
  /firstNumber:\s*([\d_]+)/g,
  /setval\('ticket_number_seq',\s*([\d_]+)\)/g,
];
const BLOCK = 1_000_000;

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the ticket numbers of the test files on databases of their own', () => {
  it('start in a block of a million no other file starts in', async () => {
    const owners = new Map<number, string[]>();
    for (const file of await testFiles('test')) {
      const text = await readFile(file, 'utf8');
      for (const pattern of rangeStarts) {
        for (const [, start] of text.matchAll(pattern)) {
          const block = Math.floor(Number(start!.replaceAll('_', '')) / BLOCK);
          owners.set(block, [...(owners.get(block) ?? []), file]);
        }
      }
    }
    expect(owners.size).toBeGreaterThan(5);
    const shared = [...owners].filter(([, files]) => files.length > 1);
    expect(shared).toEqual([]);
  });
});
