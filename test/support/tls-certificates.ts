import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

const openssl = (args: string[], cwd: string) => promisify(execFile)('openssl', args, { cwd });

export interface Authority {
  /** The CA's certificate file. */
  ca: string;
  /** Issues a certificate and key (files); `serverNames` make it a server certificate with those DNS/IP names. */
  issue(name: string, serverNames?: string[]): Promise<{ cert: string; key: string }>;
}

/** Throw-away certificate authorities in a folder of the test file's own, removed after its tests (call it at the top level). */
export async function certificateFolder(): Promise<{
  dir: string;
  authority(name: string): Promise<Authority>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-tls-'));
  // PostgreSQL runs as `nobody` when the tests run as root, and reads its certificate from here.
  await chmod(dir, 0o755);
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return {
    dir,
    async authority(caName) {
      const ca = join(dir, `${caName}.pem`);
      const caKey = join(dir, `${caName}.key`);
      await openssl(
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-subj',
          `/CN=${caName}`,
          '-keyout',
          caKey,
          '-out',
          ca,
        ],
        dir,
      );
      return {
        ca,
        async issue(name, serverNames) {
          const [cert, key, csr, ext] = ['pem', 'key', 'csr', 'ext'].map((suffix) =>
            join(dir, `${name}.${suffix}`),
          );
          await openssl(
            ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', key!, '-out', csr!],
            dir,
          );
          const sans = serverNames?.map((san) => (/^[\d.]+$/.test(san) ? `IP:${san}` : `DNS:${san}`));
          await writeFile(
            ext!,
            sans
              ? `subjectAltName=${sans.join(',')}\nextendedKeyUsage=serverAuth\n`
              : 'extendedKeyUsage=clientAuth\n',
          );
          await openssl(
            [
              'x509',
              '-req',
              '-in',
              csr!,
              '-CA',
              ca,
              '-CAkey',
              caKey,
              '-days',
              '2',
              '-extfile',
              ext!,
              '-out',
              cert!,
            ],
            dir,
          );
          return { cert: cert!, key: key! };
        },
      };
    },
  };
}
