import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { projectRoot, stopProcess } from '../dev/support';

/**
 * One of the desk's Node processes (`tsx worker/main.ts`, `api/main.ts`, `mail/main.ts`) run the way an
 * operator runs it: configured only by the environment. A death the harness did not cause is counted and
 * the process started again, as a supervisor (systemd, Kubernetes) would.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private readonly logFile: WriteStream;
  private killedOnPurpose = false;
  private closed = false;
  /** Deaths the harness did not cause. */
  crashes = 0;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
  ) {
    this.logFile = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  start(): void {
    this.killedOnPurpose = false;
    const child = spawn(process.execPath, ['--import', 'tsx', this.script], {
      cwd: projectRoot,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(this.logFile, { end: false });
    child.stderr.pipe(this.logFile, { end: false });
    child.on('exit', (code, signal) => {
      this.logFile.write(`\n--- ${this.name} exited (${signal ?? `exit code ${code}`})\n`);
      if (this.killedOnPurpose || this.closed) return;
      this.crashes += 1;
      setTimeout(() => this.closed || this.start(), 500);
    });
    this.child = child;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** kill -9: no shutdown hooks, open connections reset, in-flight work abandoned. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.killedOnPurpose = true;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.child) await stopProcess(this.child, 5_000);
    this.logFile.end();
  }
}
