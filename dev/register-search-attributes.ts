import { pathToFileURL } from 'node:url';
import { Connection } from '@temporalio/client';
import { loadConfig } from '../lib/config';
import { connectTemporal } from '../lib/temporal-connection';
import { allTicketSearchAttributes, searchAttributeRegistrations } from '../workflows/search-attributes';

export class SearchAttributeTypeConflict extends Error {
  override name = 'SearchAttributeTypeConflict';
}

/**
 * Registers on `namespace` the search attributes the ticket workflow sets (R25), from the same definitions the
 * worker uses. Idempotent: what is registered with the right type is left alone, so it runs at every deploy.
 * Returns the names it added. An attribute registered with another type is an error a person must resolve:
 * the workflow would fail to upsert it, and a search attribute's type cannot be changed in place.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const wanted = searchAttributeRegistrations();
  const missing: Record<string, number> = {};
  for (const { name, type } of allTicketSearchAttributes) {
    const registered = customAttributes?.[name];
    if (registered === undefined || registered === null) missing[name] = wanted[name]!;
    else if (registered !== wanted[name]) {
      throw new SearchAttributeTypeConflict(
        `search attribute ${name} is already registered on namespace ${namespace} with a type other than ${type}`,
      );
    }
  }
  const added = Object.keys(missing);
  if (added.length > 0) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  }
  return added;
}

/** `npm run register-search-attributes`: the namespace and server of the environment, as the worker reads them. */
async function registerFromEnvironment(): Promise<string> {
  const { temporal } = loadConfig();
  const { namespace } = temporal;
  const connection = await connectTemporal(temporal, (options) => Connection.connect(options));
  try {
    const added = await registerSearchAttributes(connection, namespace);
    return added.length > 0
      ? `registered ${added.join(', ')} on namespace ${namespace}`
      : `search attributes already registered on namespace ${namespace}`;
  } finally {
    await connection.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await registerFromEnvironment());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
