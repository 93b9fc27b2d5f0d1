import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { programArgs, type DeskProgram } from '../dev/desk-build';
import { projectRoot } from '../dev/support';

/** What a process prints to stderr, and its exit code, when started with `env` alone. */
async function start(started: Started, env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const run = promisify(execFile)(process.execPath, nodeArgs(started), {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, ...env },
    timeout: 60_000,
  });
  return run.then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

/** The desk's programs run as built; the tools from their TypeScript, as `npm run` runs them. */
type Started = DeskProgram | 'dev/register-search-attributes.ts' | 'dev/migrate.ts';
const nodeArgs = (started: Started) =>
  started.endsWith('.ts')
    ? ['--import', 'tsx', started]
    : programArgs(inject('deskBuild')[started as DeskProgram]);

const everyProcess: Started[] = [
  'worker',
  'api',
  'mail',
  'dev/register-search-attributes.ts',
  'dev/migrate.ts',
];

describe('a process that cannot start for its settings says why in one message', () => {
  it('a missing certificate file stops the worker, the API, the mail process and the tools alike', async () => {
    const env = {
      DATABASE_URL:
        'postgres://desk:secret@127.0.0.1:1/ticketflow?sslmode=verify-full&sslrootcert=/nope/pg-ca.pem',
      TEMPORAL_TLS_CA: '/nope/temporal-ca.pem',
      LINK_SIGNING_SECRET: 'a-link-signing-secret-of-32-characters',
    };
    const expected = [
      'invalid configuration:',
      '  TEMPORAL_TLS_CA: cannot read /nope/temporal-ca.pem: no such file',
      '  DATABASE_URL (sslrootcert): cannot read /nope/pg-ca.pem: no such file',
      '',
    ].join('\n');
    const failures = await Promise.all(everyProcess.map((script) => start(script, env)));
    for (const [i, failure] of failures.entries()) {
      expect({ script: everyProcess[i], ...failure }).toEqual({
        script: everyProcess[i],
        code: 1,
        stderr: expected,
      });
    }
  }, 120_000);

  it('a Temporal frontend that cannot be reached is named without a stack trace, once its wait is over', async () => {
    const failure = await start('worker', {
      DATABASE_URL: 'postgres://desk:secret@127.0.0.1:1/ticketflow',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      TEMPORAL_CONNECT_WAIT: '2s',
      TEMPORAL_API_KEY: 'key-from-the-cloud-console',
      LINK_SIGNING_SECRET: 'a-link-signing-secret-of-32-characters',
      WORKER_METRICS_ADDRESS: '',
    });
    expect(failure).toEqual({
      code: 1,
      stderr:
        'cannot connect to Temporal at 127.0.0.1:1: nothing answers there (ECONNREFUSED): check TEMPORAL_ADDRESS\n',
    });
  }, 60_000);
});
