import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set only by vitest.histories.config.ts (`npm run record-histories`). */
    recordHistories?: boolean;
  }
}

export const historiesDir = fileURLToPath(new URL('../histories', import.meta.url));

/**
 * Keeps the history of a ticket a test walked along a path worth replaying, as test/histories/<name>.json,
 * when the run records histories; test/replay.test.ts replays every one on each run. A plain test run
 * writes nothing, so the recorded histories change only when someone re-records them on purpose.
 */
export async function keepHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (!inject('recordHistories')) return;
  const history = await handle.fetchHistory();
  await mkdir(historiesDir, { recursive: true });
  await writeFile(join(historiesDir, `${name}.json`), `${historyToJSON(history)}\n`);
}
