import { readFile, stat } from 'node:fs/promises';
import type { BenchDesk } from './scenario';

/** What the desk holds on the machine at one moment, in bytes. */
export interface Footprint {
  workerRss: number;
  temporalRss: number;
  /** The Temporal server's SQLite file with its write-ahead log. */
  temporalSqlite: number;
  postgresDatabase: number;
}

export const footprintParts: [keyof Footprint, string][] = [
  ['workerRss', 'worker RSS'],
  ['temporalRss', 'Temporal server RSS'],
  ['temporalSqlite', 'Temporal SQLite file + WAL'],
  ['postgresDatabase', 'PostgreSQL database'],
];

export async function footprint(desk: BenchDesk): Promise<Footprint> {
  const [workerRss, temporalRss, sqlite, wal, database] = await Promise.all([
    desk.worker.rss(),
    rssOf(desk.temporalServer.pid),
    fileSize(desk.temporalServer.sqliteFile),
    fileSize(`${desk.temporalServer.sqliteFile}-wal`),
    desk.db.raw<{ rows: { bytes: string }[] }>('SELECT pg_database_size(current_database()) AS bytes'),
  ]);
  return {
    workerRss,
    temporalRss,
    temporalSqlite: sqlite + wal,
    postgresDatabase: Number(database.rows[0]!.bytes),
  };
}

async function rssOf(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kib === undefined ? 0 : Number(kib) * 1024;
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path).catch(() => undefined))?.size ?? 0;
}
