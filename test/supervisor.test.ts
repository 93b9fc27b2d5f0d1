import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { supervise, type Supervised } from '../dev/supervisor';

/** A real child process that runs until it is killed, as the worker, the API and the mail process do. */
const longRunning = () =>
  spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });

function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let supervised: Supervised | undefined;
afterEach(() => supervised?.stop());

describe('npm start supervises its pieces', () => {
  it('a piece killed with -9 is started again after a growing back-off, and the log says so', async () => {
    const lines: string[] = [];
    supervised = supervise({
      name: 'worker',
      start: longRunning,
      log: (line) => lines.push(line),
      backoffMs: (restart) => restart * 100,
    });
    const first = supervised.child.pid!;
    expect(isRunning(first)).toBe(true);

    process.kill(first, 'SIGKILL');
    await expect.poll(() => supervised!.restarts).toBe(1);
    const second = supervised.child.pid!;
    expect(second).not.toBe(first);
    expect(isRunning(second)).toBe(true);

    process.kill(second, 'SIGKILL');
    await expect.poll(() => supervised!.restarts).toBe(2);
    expect(isRunning(supervised.child.pid)).toBe(true);

    expect(lines).toEqual([
      'worker exited (SIGKILL): restarting it in 100 ms (restart 1)',
      'worker exited (SIGKILL): restarting it in 200 ms (restart 2)',
    ]);
  });

  it('a piece that exits with an error is restarted too; once stopped, it stays stopped', async () => {
    const lines: string[] = [];
    let launches = 0;
    supervised = supervise({
      name: 'mail',
      start: () => {
        launches += 1;
        // The first run crashes at start, as a process whose dependency is not up yet does.
        return launches === 1
          ? spawn(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'ignore' })
          : longRunning();
      },
      log: (line) => lines.push(line),
      backoffMs: () => 10,
    });
    await expect.poll(() => supervised!.restarts).toBe(1);
    expect(lines).toEqual(['mail exited (exit code 3): restarting it in 10 ms (restart 1)']);

    const last = supervised.child;
    await supervised.stop();
    expect(last.signalCode).toBe('SIGTERM');
    expect(isRunning(last.pid)).toBe(false);
    expect(supervised.restarts).toBe(1);
    expect(lines).toHaveLength(1);
  });
});
