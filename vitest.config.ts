import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// A minute or more each, while most files take seconds. Without timings from an earlier run (a fresh clone, CI)
// vitest starts the largest files first, these near the end, and the run would end waiting on them.
const longest = [
  'test/chaos/every-fault.test.ts',
  'test/api-contract/manager.test.ts',
  'test/api-contract/admin.test.ts',
  'test/api-contract/requester.test.ts',
  'test/api-contract/agent.test.ts',
];
const rank = (file: TestSpecification): number => {
  const at = longest.findIndex((path) => file.moduleId.endsWith(path));
  return at === -1 ? longest.length : at;
};

/** vitest's own order (failed and slowest first, from its cache), with the known long files ahead. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * The Temporal client's retry interceptor keeps its back-off timer after `Connection.close()`; when it fires it
 * throws "Channel has been shut down" from the timer. A desk process exits once it has closed its connection,
 * but a test process goes on to the next file, where the stray timer would fail a run whose tests all passed.
 */
function strayRetryOnClosedConnection(error: { message?: string; stack?: string }): boolean {
  return error.message === 'Channel has been shut down' && /grpc-retry/.test(error.stack ?? '');
}

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/sdk-logs.ts', 'test/setup/stack-trace-hook.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A poll waits on a worker, a relay or a projection that a loaded machine delays; vitest's 1 s default is
    // a guess at the machine's speed, and a passing poll ends as soon as it holds.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    pool: 'forks',
    // Most of a file's time is spent waiting on Temporal, PostgreSQL, a browser or schemathesis, so four
    // files share two cores well; each keeps to its own task queue, ticket numbers and, where it counts
    // rows, database. The run is CPU-bound: three, five or six at a time all took longer.
    maxWorkers: 4,
    // Each file starts its own worker, database and task queue, so files need no module graph of their own:
    // loading the SDK and the desk's modules again for each of ~120 files cost a fifth of the run's CPU.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // What a test printed is shown when it fails; a passing run prints the summary.
    silent: 'passed-only',
    onUnhandledError: (error) => !strayRetryOnClosedConnection(error),
  },
});
