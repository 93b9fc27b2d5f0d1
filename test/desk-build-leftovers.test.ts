import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { buildDeskForRun } from '../dev/desk-build';
import { Cleanup, projectRoot } from '../dev/support';

const builds = join(projectRoot, '.data', 'builds');

/** A pid that ran and has ended: a child started and waited for. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

it("a run removes the builds of runs killed before they could, and leaves a running run's", async () => {
  const killed = join(builds, `run-${await endedPid()}-killed`);
  // vitest's own process: alive for as long as this test runs.
  const running = join(builds, `run-${process.ppid}-running`);
  for (const dir of [killed, running]) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'worker.mjs'), '');
  }
  const cleanup = new Cleanup();
  try {
    const build = await buildDeskForRun(cleanup);
    const left = await readdir(builds);
    expect(left).not.toContain(basename(killed));
    expect(left).toContain(basename(running));
    expect(basename(join(build.worker, '..'))).toMatch(new RegExp(`^run-${process.pid}-`));
  } finally {
    await cleanup.run(() => undefined);
    await rm(running, { recursive: true, force: true });
  }
});
