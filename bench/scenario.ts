import type { Client } from '@temporalio/client';
import type { DemoToken } from '../dev/demo-desk';
import type { Db } from '../lib/db';
import type { ProcessRoots } from './cpu-time';

/** One table of a scenario's figures: printed as text and kept in `bench/results/<scenario>.json`. */
export interface FigureTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A Vega-Lite specification with its data inline, rendered to `bench/results/<scenario>-<name>.svg`. */
export interface Plot {
  name: string;
  spec: Record<string, unknown>;
}

export interface ScenarioResult {
  tables: FigureTable[];
  plots: Plot[];
  /** Said under the tables: how it was measured, against which baseline, which goals were met. */
  notes: string[];
}

/** A desk process the bench runs apart, as an operator does, so its memory and restarts are its own. */
export interface BenchProcess {
  readonly pid: number | undefined;
  /** Resident set size from /proc, in bytes. */
  rss(): Promise<number>;
  /** SIGTERM, wait for the exit; resolves with how long the process took to exit, in ms. */
  stop(): Promise<number>;
  start(): Promise<void>;
}

/**
 * The whole desk started once for a bench run: PostgreSQL, the Temporal dev server on an SQLite file (WAL, as
 * `npm start`), one worker, one API and the mail process, as separate processes, with the demo desk's people.
 * Scenarios run one after another on it, so `lateness` and `reads` see the tickets `scale` opened.
 */
export interface BenchDesk {
  dir: string;
  databaseUrl: string;
  db: Db;
  client: Client;
  /** host:port of the Temporal frontend, for a worker the bench runs in its own process (intake's floor). */
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  apiUrl: string;
  /** The demo desk's people with their API tokens (an agent of each tier, a manager, an admin, requesters). */
  people: DemoToken[];
  /** The mail process's inbound SMTP port: requests sent here become tickets. */
  inboundSmtpPort: number;
  /** Letters the desk delivered to the recipients' mailboxes so far. */
  lettersDelivered(): number;
  worker: BenchProcess;
  api: BenchProcess;
  temporalServer: { pid: number | undefined; sqliteFile: string };
  postgresDataDir: string;
  /** The pid of each desk process by role, and the bench's own, for charging CPU (cpu-time.ts). */
  processRoots(): Promise<ProcessRoots>;
}

export interface BenchOptions {
  /** Open tickets for `scale` (and so for `lateness` and `reads`): 10 000 unless `--tickets`. */
  openTickets: number;
  /** Requests in flight where a scenario measures concurrency. */
  concurrency: number;
}

export type BenchLog = (line: string) => void;

export interface Scenario {
  name: 'intake' | 'burst' | 'scale' | 'lateness' | 'reads' | 'reports';
  summary: string;
  /** Part of a plain `npm run bench`, whose scenarios together fit in about ten minutes. */
  byDefault: boolean;
  run(desk: BenchDesk, options: BenchOptions, log: BenchLog): Promise<ScenarioResult>;
}
