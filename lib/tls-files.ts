import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A setting that names a file, and what is wrong with it; `lib/config.ts` lists these with the others. */
export class TlsSettingError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

function read(setting: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not readable by this user' : code;
    throw new TlsSettingError(setting, `cannot read ${path}: ${why}`);
  }
}

/**
 * Reads PEM certificates (one, or a chain, or a bundle of CAs) and checks each parses, so a wrong file
 * is named at start rather than as a handshake failure later.
 */
export function readCertificates(setting: string, path: string): { pem: Buffer; first: X509Certificate } {
  const pem = read(setting, path);
  const blocks = pem.toString('utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks)
    throw new TlsSettingError(setting, `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  try {
    const certificates = blocks.map((block) => new X509Certificate(block));
    return { pem, first: certificates[0]! };
  } catch (error) {
    throw new TlsSettingError(setting, `${path}: not a valid certificate (${(error as Error).message})`);
  }
}

export function readPrivateKey(setting: string, path: string): Buffer {
  const pem = read(setting, path);
  try {
    createPrivateKey(pem);
  } catch {
    throw new TlsSettingError(setting, `${path} holds no unencrypted PEM private key`);
  }
  return pem;
}

/** A client certificate and its key: both or neither, and the key must be the certificate's. */
export function readCertificatePair(
  names: { cert: string; key: string },
  paths: { cert: string | undefined; key: string | undefined },
): { crt: Buffer; key: Buffer } | undefined {
  if (!paths.cert && !paths.key) return undefined;
  if (!paths.key)
    throw new TlsSettingError(names.key, `required with ${names.cert} (the client certificate's key)`);
  if (!paths.cert)
    throw new TlsSettingError(names.cert, `required with ${names.key} (the key's certificate)`);
  const { pem, first } = readCertificates(names.cert, paths.cert);
  const key = readPrivateKey(names.key, paths.key);
  if (!first.checkPrivateKey(createPrivateKey(key))) {
    throw new TlsSettingError(names.key, `${paths.key} is not the key of the certificate in ${paths.cert}`);
  }
  return { crt: pem, key };
}
