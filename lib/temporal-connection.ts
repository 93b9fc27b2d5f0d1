import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';

/** The shape both `Connection.connect` (clients) and `NativeConnection.connect` (workers) take. */
export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

export interface TemporalConnectionSettings {
  address: string;
  /** Undefined: plain TCP, unless an API key turns TLS on (with the machine's CAs), as Temporal Cloud needs. */
  tls: TemporalTls | undefined;
  apiKey: string | undefined;
  /** How long a starting process keeps trying a frontend that does not answer (`TEMPORAL_CONNECT_WAIT`). */
  connectWaitMs?: number;
}

/** Any one of the TEMPORAL_TLS_* settings turns TLS on. */
export function temporalTls(parts: {
  clientCertPair: { crt: Buffer; key: Buffer } | undefined;
  ca: Buffer | undefined;
  serverName: string | undefined;
}): TemporalTls | undefined {
  const { clientCertPair, ca, serverName } = parts;
  if (!clientCertPair && !ca && !serverName) return undefined;
  return {
    ...(serverName && { serverNameOverride: serverName }),
    ...(ca && { serverRootCACertificate: ca }),
    ...(clientCertPair && { clientCertPair }),
  };
}

const CONNECTION_VARIABLES = [
  'TEMPORAL_TLS_CERT',
  'TEMPORAL_TLS_KEY',
  'TEMPORAL_TLS_CA',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_API_KEY',
];

/** For the processes a tool runs against the plain dev server it started itself, whatever the shell holds. */
export function withoutTemporalTls(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !CONNECTION_VARIABLES.includes(name)));
}

/** Temporal could not be reached with the process's settings; the message names the setting to look at. */
export class TemporalConnectionError extends Error {
  override name = 'TemporalConnectionError';
}

export function temporalConnectionOptions({ address, tls, apiKey }: TemporalConnectionSettings) {
  return { address, ...(tls && { tls }), ...(apiKey && { apiKey }) };
}

const RETRY_EVERY_MS = 1_000;
const NOTHING_ANSWERS = 'nothing answers there';

/**
 * Connects with the process's settings (`Connection.connect` or `NativeConnection.connect`). The SDKs say
 * little when TLS fails ("Failed to connect before the deadline", "transport error"), so a failure is
 * followed by a TLS handshake of our own that names the setting at fault.
 *
 * A frontend that does not answer may be starting or restarting beside this process (a host's boot, a crash
 * under a supervisor), so it is tried again every second for `connectWaitMs`. A frontend that answers and
 * refuses (a certificate, a name, a CA) is told at once: waiting would not change it.
 */
export async function connectTemporal<C>(
  settings: TemporalConnectionSettings,
  connect: (options: ReturnType<typeof temporalConnectionOptions>) => Promise<C>,
  onWait: (why: string) => void = () => undefined,
): Promise<C> {
  const giveUpAt = Date.now() + (settings.connectWaitMs ?? 0);
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect(temporalConnectionOptions(settings));
    } catch (error) {
      const sdk = error instanceof Error ? error.message : String(error);
      const secured = settings.tls !== undefined || settings.apiKey !== undefined;
      const why = secured ? await diagnoseTls(settings) : undefined;
      const unanswered = secured ? why?.startsWith(NOTHING_ANSWERS) === true : true;
      if (!unanswered || Date.now() + RETRY_EVERY_MS > giveUpAt) {
        throw new TemporalConnectionError(
          `cannot connect to Temporal at ${settings.address}: ${why ?? sdk}`,
          {
            cause: error,
          },
        );
      }
      if (attempt === 1) onWait(why ?? sdk);
      await sleep(RETRY_EVERY_MS);
    }
  }
}

const PROBE_TIMEOUT_MS = 10_000;
const HTTP2_PREFACE = Buffer.concat([
  Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
  Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]),
]);
const UNTRUSTED = /^(UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_)/;

/**
 * Why a TLS connection to the server fails, or undefined when it does not. A server may refuse a client
 * certificate with an alert or by closing once the handshake is done (TLS 1.3), so the handshake counts
 * as accepted only when the server answers the HTTP/2 preface gRPC opens with.
 */
function diagnoseTls({ address, tls = {} }: TemporalConnectionSettings): Promise<string | undefined> {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at).replace(/^\[|\]$/g, '');
  const servername = tls.serverNameOverride ?? (isIP(host) ? undefined : host);
  const hasCert = tls.clientCertPair !== undefined;
  const refusedCert = (detail: string) =>
    hasCert
      ? `the server refused the client certificate in TEMPORAL_TLS_CERT (${detail}): it must be signed by a CA the server trusts for clients, and be valid now`
      : `the server ended the TLS connection (${detail}): it may require a client certificate (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY)`;
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host,
      port: Number(address.slice(at + 1)),
      ...(servername && { servername }),
      ...(tls.serverRootCACertificate && { ca: tls.serverRootCACertificate }),
      ...(tls.clientCertPair && { cert: tls.clientCertPair.crt, key: tls.clientCertPair.key }),
      ALPNProtocols: ['h2'],
    });
    const settle = (why: string | undefined) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => settle(`no TLS answer within ${PROBE_TIMEOUT_MS / 1000}s`));
    socket.once('secureConnect', () => socket.write(HTTP2_PREFACE));
    socket.once('data', () => settle(undefined));
    socket.once('end', () => settle(refusedCert('closed right after the handshake')));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code)) {
        settle(`${NOTHING_ANSWERS} (${code}): check TEMPORAL_ADDRESS`);
      } else if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        settle(
          `the server's certificate is not for that name (${error.message}): set TEMPORAL_TLS_SERVER_NAME to a name it holds`,
        );
      } else if (UNTRUSTED.test(code)) {
        settle(
          `the server's certificate is not trusted (${error.message}): ` +
            (tls.serverRootCACertificate
              ? 'the CA in TEMPORAL_TLS_CA did not sign it'
              : 'set TEMPORAL_TLS_CA to the CA that signed it'),
        );
      } else if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || (code === 'ECONNRESET' && !socket.authorized)) {
        settle(
          `it does not speak TLS (${code}): check TEMPORAL_ADDRESS, or unset TEMPORAL_TLS_* and TEMPORAL_API_KEY`,
        );
      } else if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED') {
        settle('the server requires a client certificate: set TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY');
      } else settle(refusedCert(/SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1] ?? error.message));
    });
  });
}
