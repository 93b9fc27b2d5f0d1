import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from './support/ticket-stack';

const historiesDir = fileURLToPath(new URL('./histories', import.meta.url));
const files = (await readdir(historiesDir)).filter((name) => name.endsWith('.json'));

/**
 * Histories recorded from real tickets (`temporal workflow show -o json`). Today's workflow code must replay
 * them exactly: a change that would break running tickets fails here, and belongs behind patched().
 */
describe('recorded ticket histories replay on the current workflow code', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s', async (file) => {
    const history = JSON.parse(await readFile(join(historiesDir, file), 'utf8'));
    await Worker.runReplayHistory(
      { workflowBundle: await workflowBundle() },
      history,
      basename(file, '.json'),
    );
  });
});
