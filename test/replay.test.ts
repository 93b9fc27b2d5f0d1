import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { workflowBundle } from './support/ticket-stack';

const historiesDir = fileURLToPath(new URL('./histories', import.meta.url));

/**
 * Histories of tickets the tests walked along the paths that matter, kept by `npm run record-histories`
 * (test/support/histories.ts). Today's workflow code must replay every one exactly: a change that would
 * break running tickets fails here, and belongs behind patched() (docs/versioning.md).
 */
it('replays every recorded ticket history on the current workflow code', async () => {
  // Every kind of path a running ticket can be on (docs/versioning.md lists them).
  const files = (await readdir(historiesDir)).filter((name) => name.endsWith('.json'));
  expect(files).toEqual(
    expect.arrayContaining([
      'five-stages-accepted-then-closed.json',
      'five-stages-accepted-then-closed-letters-by-courier.json',
      'untouched-climbs-the-ladder-to-the-manager-letters-by-courier.json',
      'rejected-in-testing-then-accepted.json',
      'closed-by-customer-testing-silence.json',
      'question-in-testing-stops-the-silence.json',
      'question-pauses-the-clocks-answer-resumes.json',
      'untouched-climbs-the-ladder-to-the-manager.json',
      'escalated-to-onsite-engineer-arrives.json',
      'field-work-back-to-onsite-after-manager.json',
      'field-work-dispatched-at-intake.json',
      'ladder-then-manager-closes-unresolved.json',
      'manager-engages-vendor-followed-up.json',
      'held-for-lapsed-contract-released-by-renewal.json',
      'held-not-justified-then-released.json',
      'reply-while-held-resumed-the-clocks-before-the-fix.json',
      'reply-while-held-keeps-the-clocks-paused.json',
      'long-lived-first-run-continued-as-new.json',
      'long-lived-resumed-run.json',
      'walk-in-entered-five-days-late.json',
      'projection-fault-repaired-then-analysed.json',
      'work-plan-approved-activity-overdue.json',
      'paused-ticket-retimed-by-policy-change.json',
      'linked-to-incident-resolved-with-it-then-accepted.json',
    ]),
  );
  const histories = await Promise.all(
    files.map(async (file) => ({
      workflowId: basename(file, '.json'),
      history: historyFromJSON(JSON.parse(await readFile(join(historiesDir, file), 'utf8'))),
    })),
  );
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: workflowBundle() }, histories)) {
    results.push({ workflowId: result.workflowId, error: result.error?.message });
  }
  expect(results.sort((a, b) => a.workflowId.localeCompare(b.workflowId))).toEqual(
    histories
      .map(({ workflowId }) => ({ workflowId, error: undefined }))
      .sort((a, b) => a.workflowId.localeCompare(b.workflowId)),
  );
});
