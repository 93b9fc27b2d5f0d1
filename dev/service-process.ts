import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { programArgs } from './desk-build';
import { projectRoot, stopProcess } from './support';

/**
 * One of the desk's Node processes (the worker, the API, the mail process, as built) run the way an
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
    /** The built program (`DeskBuild`). */
    private readonly program: string,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
    private readonly nodeArgs: string[] = [],
  ) {
    this.logFile = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  start(): void {
    this.killedOnPurpose = false;
    const child = spawn(process.execPath, programArgs(this.program, this.nodeArgs), {
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

  /** Node runs the program itself, so this pid is the service. */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  /** Resident set size in bytes from /proc; 0 while the process is not running. */
  async rss(): Promise<number> {
    const pid = this.pid;
    if (pid === undefined) return 0;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? 0 : Number(kib) * 1024;
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

  /** A clean stop an operator asks for (SIGTERM), to start again later; resolves with how long it took, in ms. */
  async stop(): Promise<number> {
    const started = performance.now();
    this.killedOnPurpose = true;
    if (this.child) await stopProcess(this.child, 5_000);
    return performance.now() - started;
  }

  /** Stops the process for good: no restart after this. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
    this.logFile.end();
  }
}
