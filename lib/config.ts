import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '../workflows/task-queue';
import { postgresConnection } from './postgres-tls';
import { temporalTls, type TemporalConnectionSettings } from './temporal-connection';
import { readCertificatePair, readCertificates, TlsSettingError } from './tls-files';

const durationMs = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 500ms, 30s, 15m, 8h or 5d')
  .transform((text) => {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(text)!;
    const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
      match[2] as 'ms' | 's' | 'm' | 'h' | 'd'
    ];
    return Number(match[1]) * unit;
  });

const MiB = 2 ** 20;

// Binary units only, so 1GiB is 1024 MiB and no one wonders whether a G means 1000 or 1024.
const byteSize = z
  .string()
  .regex(/^\d+(MiB|GiB)$/, 'a size such as 768MiB or 2GiB')
  .transform((text) => {
    const match = /^(\d+)(MiB|GiB)$/.exec(text)!;
    return Number(match[1]) * (match[2] === 'GiB' ? 1024 * MiB : MiB);
  });

/** Below this a worker holds too few tickets beside its own base (docs/deploying.md, worker sizing). */
export const WORKER_MEMORY_MIN_BYTES = 512 * MiB;

const port = z.coerce.number().int().min(1).max(65535);
const count = z.coerce.number().int().min(1);

// host:port, IPv6 hosts in brackets; empty turns the exporter off.
const bindAddress = z
  .string()
  .regex(/^$|^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):\d{1,5}$/, 'host:port such as 127.0.0.1:9464, or empty');

/** The largest file kept on a ticket, whether it came by e-mail or was uploaded (R2). */
export const ATTACHMENT_MAX_BYTES_DEFAULT = 10 * 1024 * 1024;

const schema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  // A frontend starting beside the process (a host's boot, a restart under a supervisor) is waited for.
  TEMPORAL_CONNECT_WAIT: durationMs.prefault('30s'),
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/ }).optional(),
  TICKETFLOW_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  DATABASE_URL: z.string().url().optional(),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  UPDATE_DEADLINE: durationMs.prefault('10s'),
  PENDING_INTAKE_CHECK: durationMs.prefault('30s'),
  SLA_DEFAULT_POLICY: z.string().min(1).default('customer-support-sop'),
  TICKET_HISTORY_LIMIT: z.coerce.number().int().min(200).max(50_000).default(10_000),
  WORKER_METRICS_ADDRESS: bindAddress.default('127.0.0.1:9464'),
  WORKER_MEMORY: byteSize.pipe(z.number().min(WORKER_MEMORY_MIN_BYTES, 'at least 512MiB')).prefault('1GiB'),
  WORKER_SHUTDOWN_GRACE: durationMs.prefault('10s'),
  WORKER_BUNDLE_DIR: z.string().min(1).default('.data/workflow-bundles'),
  WORKER_STICKY_TIMEOUT: durationMs.pipe(z.number().min(1, 'more than 0ms')).prefault('1s'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TICKETFLOW_DATA_DIR: z.string().min(1).default('.data'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  PG_PORT: port.default(54329),
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:2525/?pool=true'),
  MAIL_FROM: z.string().min(3).default('ticketflow service desk <support@ticketflow.local>'),
  MAIL_MESSAGE_ID_DOMAIN: z.string().min(1).default('ticketflow.local'),
  MAIL_HANDOFF_WAIT: durationMs.pipe(z.number().min(1, 'more than 0ms')).prefault('2s'),
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3000'),
  LINK_SIGNING_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  MAIL_RELAY_ADDRESS: bindAddress.default('127.0.0.1:2525'),
  MAIL_UPSTREAM_URL: z.string().url().default('smtp://127.0.0.1:1025'),
  MAIL_INBOUND_ADDRESS: bindAddress.default('127.0.0.1:2526'),
  // imap://user:password@host:143/INBOX or imaps://...; unset or empty turns polling off.
  MAIL_IMAP_URL: z
    .literal('')
    .or(z.url({ protocol: /^imaps?$/, error: 'imap:// or imaps://user:password@host[:port]/mailbox' }))
    .optional(),
  MAIL_IMAP_POLL: durationMs.pipe(z.number().min(1_000, 'at least 1s')).prefault('60s'),
  MAIL_INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(ATTACHMENT_MAX_BYTES_DEFAULT),
  MAIL_CATCHER_SMTP_PORT: port.default(1025),
  MAIL_CATCHER_WEB_PORT: port.default(1080),
  BENCH_INTAKE_TICKETS: count.default(300),
  BENCH_BURST_TICKETS: count.default(500),
  BENCH_BURST_SECONDS: count.default(60),
  BENCH_READS_TICKETS: count.default(800),
  BENCH_REPORTS_TICKETS: count.default(200_000),
  BENCH_LATENESS_TICKETS: count.default(300),
});

export type Config = {
  /** `uiUrl`: the Temporal UI managers open tickets in (R25); by default `npm start`'s. */
  temporal: TemporalConnectionSettings & { namespace: string; taskQueue: string; uiUrl: string };
  databaseUrl: string | undefined;
  api: { host: string; port: number; updateDeadlineMs: number; pendingIntakeCheckMs: number };
  /** The SLA policy of organizations without a contract (R16). */
  sla: { defaultPolicyId: string };
  tickets: { historyLimit: number };
  worker: {
    /** Where the worker's Prometheus exporter listens; undefined when turned off. */
    metricsAddress: string | undefined;
    /** The memory the worker may use (its unit's `MemoryMax`): sizes its cache of tickets. */
    memoryBytes: number;
    /** How long a stopping worker lets the tasks in hand finish before it cancels them. */
    shutdownGraceMs: number;
    /** How long a ticket's task waits for the worker that has it cached before any worker may take it. */
    stickyTimeoutMs: number;
    /** Where the worker keeps the workflow code it bundled, one file per version of that code. */
    bundleDir: string;
  };
  mail: {
    /** Where the worker submits letters: the outbound relay. */
    smtpUrl: string;
    from: string;
    messageIdDomain: string;
    handoffWaitMs: number;
    /** Signs CSAT links; undefined until set (npm start keeps one in the data folder). */
    linkSecret: string | undefined;
    relayAddress: string | undefined;
    upstreamUrl: string;
    inboundAddress: string | undefined;
    /** The mailbox polled for inbound mail; undefined when polling is off. */
    imapUrl: string | undefined;
    imapPollMs: number;
    inboundMaxBytes: number;
    attachmentMaxBytes: number;
  };
  /** The API's address as people outside reach it, for links in letters. */
  publicBaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  dev: {
    dataDir: string;
    temporalPort: number;
    temporalUiPort: number;
    pgPort: number;
    mailCatcher: { smtpPort: number; webPort: number };
  };
  /** Sizes of `npm run bench`'s scenarios. */
  bench: {
    intakeTickets: number;
    burstTickets: number;
    burstSeconds: number;
    readsTickets: number;
    reportsTickets: number;
    latenessTickets: number;
  };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value stops the process at start with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const readFiles = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof TlsSettingError)) throw error;
      problems.push(`  ${error.setting}: ${error.message}`);
      return undefined;
    }
  };
  const clientCertPair = readFiles(() =>
    readCertificatePair(
      { cert: 'TEMPORAL_TLS_CERT', key: 'TEMPORAL_TLS_KEY' },
      { cert: e.TEMPORAL_TLS_CERT, key: e.TEMPORAL_TLS_KEY },
    ),
  );
  const { TEMPORAL_TLS_CA: caFile, DATABASE_URL: databaseUrl } = e;
  const ca = caFile ? readFiles(() => readCertificates('TEMPORAL_TLS_CA', caFile).pem) : undefined;
  // Checked once here so a wrong sslmode or CA file stops the process at start; lib/db.ts builds from the URL.
  if (databaseUrl) readFiles(() => postgresConnection(databaseUrl));
  if (problems.length) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  return {
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      tls: temporalTls({ clientCertPair, ca, serverName: e.TEMPORAL_TLS_SERVER_NAME }),
      apiKey: e.TEMPORAL_API_KEY,
      connectWaitMs: e.TEMPORAL_CONNECT_WAIT,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TICKETFLOW_TASK_QUEUE,
      uiUrl: (e.TEMPORAL_UI_URL ?? `http://127.0.0.1:${e.TEMPORAL_UI_PORT}`).replace(/\/+$/, ''),
    },
    databaseUrl: e.DATABASE_URL,
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      updateDeadlineMs: e.UPDATE_DEADLINE,
      pendingIntakeCheckMs: e.PENDING_INTAKE_CHECK,
    },
    sla: { defaultPolicyId: e.SLA_DEFAULT_POLICY },
    tickets: { historyLimit: e.TICKET_HISTORY_LIMIT },
    worker: {
      metricsAddress: e.WORKER_METRICS_ADDRESS || undefined,
      memoryBytes: e.WORKER_MEMORY,
      shutdownGraceMs: e.WORKER_SHUTDOWN_GRACE,
      stickyTimeoutMs: e.WORKER_STICKY_TIMEOUT,
      bundleDir: e.WORKER_BUNDLE_DIR,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      messageIdDomain: e.MAIL_MESSAGE_ID_DOMAIN,
      handoffWaitMs: e.MAIL_HANDOFF_WAIT,
      linkSecret: e.LINK_SIGNING_SECRET,
      relayAddress: e.MAIL_RELAY_ADDRESS || undefined,
      upstreamUrl: e.MAIL_UPSTREAM_URL,
      inboundAddress: e.MAIL_INBOUND_ADDRESS || undefined,
      imapUrl: e.MAIL_IMAP_URL || undefined,
      imapPollMs: e.MAIL_IMAP_POLL,
      inboundMaxBytes: e.MAIL_INBOUND_MAX_BYTES,
      attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL,
    logLevel: e.LOG_LEVEL,
    dev: {
      dataDir: e.TICKETFLOW_DATA_DIR,
      temporalPort: e.TEMPORAL_PORT,
      temporalUiPort: e.TEMPORAL_UI_PORT,
      pgPort: e.PG_PORT,
      mailCatcher: { smtpPort: e.MAIL_CATCHER_SMTP_PORT, webPort: e.MAIL_CATCHER_WEB_PORT },
    },
    bench: {
      intakeTickets: e.BENCH_INTAKE_TICKETS,
      burstTickets: e.BENCH_BURST_TICKETS,
      burstSeconds: e.BENCH_BURST_SECONDS,
      readsTickets: e.BENCH_READS_TICKETS,
      reportsTickets: e.BENCH_REPORTS_TICKETS,
      latenessTickets: e.BENCH_LATENESS_TICKETS,
    },
  };
}

/** For the processes that cannot run without a database (worker, API). */
export function requireDatabaseUrl(config: Config): string {
  if (!config.databaseUrl) {
    throw new ConfigError(
      'invalid configuration:\n  DATABASE_URL: required (postgres://user:password@host:port/database)',
    );
  }
  return config.databaseUrl;
}

/** For the processes that sign or check links in letters (worker, API). */
export function requireLinkSecret(config: Config): string {
  if (!config.mail.linkSecret) {
    throw new ConfigError(
      'invalid configuration:\n  LINK_SIGNING_SECRET: required (32 or more random characters)',
    );
  }
  return config.mail.linkSecret;
}
