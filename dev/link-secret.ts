import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The secret that signs CSAT links, kept in the data folder so links in letters already sent keep working
 * after a restart. Production sets LINK_SIGNING_SECRET instead.
 */
export async function devLinkSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'link-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}
