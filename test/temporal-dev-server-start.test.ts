import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { freePort } from '../dev/support';
import { startTemporalDevServer } from '../dev/temporal-dev-server';

/**
 * The race itself (another program taking one of start-dev's own ports between its pick and its bind) cannot be
 * staged on demand, so a wrapper around the real CLI plays it: its first `failures` starts die as start-dev does
 * then, with a Go panic; later starts run the real server.
 */
let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'temporal-start-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cliThatPanics(failures: number): Promise<string> {
  const path = join(dir, `temporal-${failures}`);
  const count = `${path}.starts`;
  await writeFile(
    path,
    `#!/bin/sh
if [ "$2" = start-dev ] && [ "$3" != --help ]; then
  echo x >> '${count}'
  if [ "$(wc -l < '${count}')" -le ${failures} ]; then
    echo 'panic: listen tcp 127.0.0.1:1: bind: address already in use' >&2
    for i in $(seq 40); do echo "goroutine frame $i" >&2; done
    exit 2
  fi
fi
exec '${inject('temporalCliPath')}' "$@"
`,
  );
  await chmod(path, 0o755);
  return path;
}

it('a dev server that dies while starting is started again, and then serves', async () => {
  const lines: string[] = [];
  const server = await startTemporalDevServer({
    cliPath: await cliThatPanics(2),
    port: await freePort(),
    namespace: 'default',
    log: (line) => lines.push(line),
  });
  try {
    const connection = await Connection.connect({ address: server.address });
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    await connection.close();
  } finally {
    await server.stop();
  }
  const retries = lines.filter((line) => line.endsWith('starting it again'));
  expect(retries).toHaveLength(2);
  expect(retries[0]).toContain('exit code 2: panic: listen tcp 127.0.0.1:1: bind: address already in use');
}, 90_000);

it('one that keeps dying is given up after three starts, naming the panic', async () => {
  const start = startTemporalDevServer({
    cliPath: await cliThatPanics(99),
    port: await freePort(),
    namespace: 'default',
    log: () => undefined,
  });
  await expect(start).rejects.toThrow(
    /stopped before it was ready \(exit code 2: panic: listen tcp 127\.0\.0\.1:1: bind: address already in use\)/,
  );
});
