import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect, inject } from 'vitest';
import { programArgs } from '../../dev/desk-build';
import { projectRoot } from '../../dev/support';

export interface StartedProcess {
  child: ChildProcess;
  /** What it printed so far. */
  output: { stdout: string; stderr: string };
  exited: Promise<unknown[]>;
}

/** The mail process, as built, started the way an operator starts it: configured by `env` alone. */
export function startMailProcess(env: NodeJS.ProcessEnv): StartedProcess {
  const child = spawn(process.execPath, programArgs(inject('deskBuild').mail), { cwd: projectRoot, env });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output, exited: once(child, 'exit') };
}

/** Its inbound listener listens only once its Temporal connection is made: it started. */
export async function mailProcessStarted({ child, output }: StartedProcess): Promise<void> {
  await expect
    .poll(() => output.stdout.includes('inbound mail listening') || child.exitCode !== null, {
      timeout: 60_000,
    })
    .toBe(true);
  expect(child.exitCode).toBeNull();
}
