import { readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, realpath, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ensureDatabase } from './databases';
import { freePort, isAlive, isExecutable, onPath, run, Tail, type Log } from './support';

export const LOCAL_PG_USER = 'ticketflow';

type RunAs = { uid?: number; gid?: number; cwd: string };

async function findBinDir(): Promise<string> {
  const candidates: string[] = [];
  const initdb = await onPath('initdb');
  if (initdb) candidates.push(dirname(await realpath(initdb)));
  candidates.push((await run('pg_config', ['--bindir']).catch(() => '')).trim());
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    candidates.push(`/usr/lib/postgresql/${version}/bin`);
  }
  for (const dir of candidates.filter(Boolean)) {
    const present = await Promise.all(
      ['initdb', 'pg_ctl', 'postgres'].map((bin) => isExecutable(join(dir, bin))),
    );
    if (present.every(Boolean)) return dir;
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install Debian's postgresql package " +
      '(apt-get install postgresql), put its bin directory on PATH, or set DATABASE_URL to an existing server.',
  );
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the unprivileged `nobody`. */
async function serverIdentity(dataDir: string): Promise<RunAs> {
  const cwd = dirname(dataDir);
  if (process.getuid?.() !== 0) return { cwd };
  const [uid, gid] = await Promise.all([run('id', ['-u', 'nobody']), run('id', ['-g', 'nobody'])]);
  const as = { uid: Number(uid), gid: Number(gid), cwd };
  await run('test', ['-x', cwd], as).catch(() => {
    throw new Error(
      `PostgreSQL runs as user nobody (it refuses root) and cannot reach ${cwd}: make its parent ` +
        'directories searchable (chmod o+x) or point TICKETFLOW_DATA_DIR somewhere else, e.g. under /tmp.',
    );
  });
  return as;
}

async function initCluster(bin: string, dataDir: string, as: RunAs, ephemeral: boolean, log: Log) {
  const existing = await readdir(dataDir).catch(() => undefined);
  if (existing?.includes('PG_VERSION')) {
    const [cluster, server] = await Promise.all([
      readFile(join(dataDir, 'PG_VERSION'), 'utf8'),
      run(join(bin, 'postgres'), ['--version']),
    ]);
    if (!server.includes(`PostgreSQL) ${cluster.trim()}.`)) {
      throw new Error(`${dataDir} holds a PostgreSQL ${cluster.trim()} cluster; ${bin} is ${server.trim()}`);
    }
    return;
  }
  if (existing?.length)
    throw new Error(`${dataDir} exists but is not a PostgreSQL data directory: remove it`);
  log(`creating a PostgreSQL cluster in ${dataDir}`);
  // initdb works in a side directory renamed into place, so a killed initdb never looks like a cluster.
  const staging = `${dataDir}.initdb`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  if (as.uid !== undefined) await chown(staging, as.uid, as.gid!);
  await chmod(staging, 0o700);
  const args = ['-D', staging, '-U', LOCAL_PG_USER, '--auth=trust', '-E', 'UTF8', '--no-locale'];
  await run(join(bin, 'initdb'), ephemeral ? [...args, '--no-sync'] : args, as);
  await rm(dataDir, { recursive: true, force: true });
  await rename(staging, dataDir);
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** A killed earlier run leaves either a stale postmaster.pid or, if only our process died, a live server. */
async function clearLeftover(bin: string, dataDir: string, as: RunAs, log: Log) {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (isAlive(pid) && (cmdline === undefined || cmdline.includes('postgres'))) {
    log(`PostgreSQL (pid ${pid}) from an earlier run still holds ${dataDir}: stopping it`);
    await run(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w'], as);
  } else {
    log(`removing the stale postmaster.pid of a killed run (pid ${pid})`);
    await rm(join(dataDir, 'postmaster.pid'), { force: true });
  }
}

export async function startLocalPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: Log;
  /** For throw-away test clusters: skip fsync, since a crash only loses data nobody keeps. */
  ephemeral?: boolean;
  /** More server settings (`-c name=value`), e.g. TLS for a test of encrypted connections. */
  settings?: string[];
}): Promise<{ url: string; stop(mode?: 'fast' | 'immediate'): Promise<void> }> {
  const { dataDir, port, log, ephemeral = false } = opts;
  const bin = await findBinDir();
  await mkdir(dirname(dataDir), { recursive: true });
  const as = await serverIdentity(dataDir);
  await initCluster(bin, dataDir, as, ephemeral, log);
  await clearLeftover(bin, dataDir, as, log);

  // Unix sockets are off: TCP on loopback is all the project uses, and socket paths have a length limit.
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', "-c unix_socket_directories=''"];
  if (ephemeral) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  settings.push(...(opts.settings ?? []).map((setting) => `-c ${setting}`));
  const logFile = join(dataDir, 'server.log');
  log(`starting PostgreSQL on 127.0.0.1:${port}`);
  await run(
    join(bin, 'pg_ctl'),
    ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', settings.join(' ')],
    as,
  ).catch(async (error: Error) => {
    const tail = new Tail();
    (await readFile(logFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).forEach(tail.push);
    throw new Error(`${error.message}\n${logFile}:\n${tail}`);
  });

  // pg_ctl detaches the server, so if this process dies without stop() the server must still be told to go.
  const pid = postmasterPid(dataDir);
  const onExit = () => pid && isAlive(pid) && process.kill(pid, 'SIGINT');
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  // `immediate` is a crash as clients see it (tests of an outage); `fast` is a clean shutdown.
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    (stopping ??= (async () => {
      process.off('exit', onExit);
      await run(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', mode, '-w'], as);
    })());

  try {
    const url = await ensureDatabase(`postgres://${LOCAL_PG_USER}@127.0.0.1:${port}/postgres`, opts.database);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const PORT_ATTEMPTS = 3;

/**
 * For a server of a run's own on a port the run picked: another program may take that port between the pick and
 * the server's bind (initdb takes seconds), and then the server starts on a fresh one. Seen with start-dev,
 * whose own services pick ports the same way beside it.
 */
export async function startLocalPostgresOnFreePort(
  opts: Parameters<typeof startLocalPostgres>[0],
): Promise<Awaited<ReturnType<typeof startLocalPostgres>> & { port: number }> {
  for (let attempt = 1, port = opts.port; ; attempt++, port = await freePort()) {
    try {
      return { ...(await startLocalPostgres({ ...opts, port })), port };
    } catch (error) {
      const taken = error instanceof Error && /Address already in use/.test(error.message);
      if (!taken || attempt === PORT_ATTEMPTS) throw error;
      opts.log(`port ${port} was taken before PostgreSQL could listen on it: trying another`);
    }
  }
}
