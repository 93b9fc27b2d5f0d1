import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { forwardLines, freePort, isExecutable, onPath, portAnswers, run, Tail } from '../../dev/support';

export interface Dovecot {
  /** `imap://desk:…@127.0.0.1:port/INBOX`, what MAIL_IMAP_URL would say. */
  url: string;
  /** A logged-in client on the same mailbox, as the site's mail server or a person would use it. */
  connect(): Promise<ImapFlow>;
  /** Ends the server and its connections, as a maintenance restart would. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

const user = 'desk';
const password = 'desk-password';

/** Dovecot refuses mail users with uid 0, so as root it runs as `nobody` in a directory of its own. */
async function identity(): Promise<{ uid: number; gid: number; name: string; group: string }> {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { uid: me.uid, gid: me.gid, name: me.username, group: (await run('id', ['-gn'])).trim() };
  }
  const [uid, gid, group] = await Promise.all(['-u', '-g', '-gn'].map((flag) => run('id', [flag, 'nobody'])));
  return { uid: Number(uid), gid: Number(gid), name: 'nobody', group: group!.trim() };
}

async function dovecotBinary(): Promise<string> {
  const binary = (await onPath('dovecot')) ?? '/usr/sbin/dovecot';
  if (!(await isExecutable(binary))) {
    throw new Error("Dovecot not found: install Debian's dovecot-imapd (apt-get install dovecot-imapd)");
  }
  const version = await run(binary, ['--version']);
  if (!version.startsWith('2.3.')) {
    throw new Error(`test/support/dovecot.ts writes a Dovecot 2.3 configuration; found Dovecot ${version}`);
  }
  return binary;
}

/**
 * A real IMAP server for one test file: Dovecot, unprivileged, on a free loopback port, with one
 * passwd-file user and a Maildir in a temporary directory.
 */
export async function startDovecot(): Promise<Dovecot> {
  const binary = await dovecotBinary();
  const as = await identity();
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-dovecot-'));
  const port = await freePort();
  const config = join(dir, 'dovecot.conf');
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  await writeFile(
    config,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = /dev/stderr
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${as.name}
default_internal_group = ${as.group}
default_login_user = ${as.name}
first_valid_uid = ${as.uid}
mail_location = maildir:${dir}/mail
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${as.uid} gid=${as.gid} home=${dir}/home
}
service imap-login {
  chroot =
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  await Promise.all([dir, config, join(dir, 'passwd')].map((path) => chown(path, as.uid, as.gid)));

  let child: ChildProcess | undefined;
  const tail = new Tail();
  async function start(): Promise<void> {
    const server = spawn(binary, ['-F', '-c', config], {
      cwd: dir,
      detached: true,
      uid: as.uid,
      gid: as.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    forwardLines(server.stdout, tail.push);
    forwardLines(server.stderr, tail.push);
    for (let waited = 0; !(await portAnswers(port)); waited += 100) {
      if (server.exitCode !== null || waited > 15_000) {
        await stop();
        throw new Error(`Dovecot did not start on port ${port}:\n${tail}`);
      }
      await sleep(100);
    }
  }
  // The whole process group: Dovecot's master exits on SIGTERM but leaves its IMAP sessions running.
  async function stop(): Promise<void> {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    process.kill(-server.pid!, 'SIGTERM');
    await exited;
    // Sessions still closing would serve a client's open connection once more: gone means every socket closed.
    signalGroup(server.pid!, 'SIGKILL');
    for (let waited = 0; signalGroup(server.pid!, 0) && waited < 5_000; waited += 20) await sleep(20);
  }

  await start().catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    async connect() {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        auth: { user, pass: password },
        logger: false,
      });
      // When the server stops, the client's own commands fail; the event needs a listener not to crash the run.
      client.on('error', () => undefined);
      await client.connect();
      return client;
    },
    start,
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signals a process group; false once no process of it is left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
