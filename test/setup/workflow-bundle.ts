import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import type { Cleanup } from '../../dev/support';
import { workflowsPath } from '../../worker/create-worker';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/**
 * Bundling the workflow code takes seconds of CPU: the run bundles it once, into a file every test
 * file's workers load, and again before a watch-mode rerun so that edited workflow code is what runs.
 */
export async function bundleWorkflowsOnce(project: TestProject, cleanup: Cleanup): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-workflows-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const codePath = join(dir, 'workflows.js');
  const write = async () =>
    writeFile(codePath, (await bundleWorkflowCode({ workflowsPath, logger: quiet })).code);
  await write();
  project.onTestsRerun(write);
  return codePath;
}
