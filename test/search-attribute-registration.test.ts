import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectRoot } from '../dev/support';
import { temporalCliPath } from '../dev/tools';
import { allTicketSearchAttributes, searchAttributeRegistrations } from '../workflows/search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;
let connection: Connection;

beforeAll(async () => {
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(() => connection?.close());

/** A namespace of the test's own on the suite's server: a cluster on which nothing is registered yet. */
async function freshNamespace(): Promise<string> {
  const namespace = `deploy-${randomUUID()}`;
  await connection.workflowService.registerNamespace({
    namespace,
    workflowExecutionRetentionPeriod: msToTs('1 day'),
  });
  // The frontend learns of a new namespace from its cache, refreshed every few seconds.
  await expect
    .poll(
      () =>
        connection.operatorService.listSearchAttributes({ namespace }).then(
          () => true,
          () => false,
        ),
      {
        timeout: 30_000,
        interval: 250,
      },
    )
    .toBe(true);
  return namespace;
}

/** `npm run register-search-attributes`, as an operator runs it, configured by the environment alone. */
async function registerCommand(namespace: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_NAMESPACE: namespace };
  return promisify(execFile)('npm', ['run', '--silent', 'register-search-attributes'], {
    cwd: projectRoot,
    env,
  })
    .then(({ stdout }) => ({ code: 0, output: stdout }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: `${error.stdout}${error.stderr}`,
    }));
}

/** The `temporal operator search-attribute create` command of docs/deploying.md, as its words. */
async function documentedCreateCommand(): Promise<string[]> {
  const doc = await readFile(join(projectRoot, 'docs', 'deploying.md'), 'utf8');
  const command = /^temporal operator search-attribute create (?:.*\\\n)*.*$/m.exec(doc)?.[0];
  if (!command) throw new Error('docs/deploying.md has no temporal operator search-attribute create');
  return command.replace(/\\\n/g, ' ').split(/\s+/).slice(1);
}

async function registeredTypes(namespace: string) {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  return customAttributes ?? {};
}

describe('registering the search attributes on a cluster (R25)', () => {
  it('registers every attribute the workflow sets, with its type, and a second run changes nothing', async () => {
    const namespace = await freshNamespace();
    expect(Object.keys(await registeredTypes(namespace))).not.toContain('TicketStage');

    const first = await registerCommand(namespace);
    expect(first).toEqual({
      code: 0,
      output: `registered ${allTicketSearchAttributes.map((key) => key.name).join(', ')} on namespace ${namespace}\n`,
    });
    expect(await registeredTypes(namespace)).toMatchObject({
      TicketNumber: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      TicketStage: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      TicketTier: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      TicketPriority: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      Organization: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      SlaState: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ResolutionDue: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
      AssignedEngineer: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    });
    // The manager's queries from the docs are accepted on the namespace.
    const client = new Client({ connection, namespace });
    const query =
      'SlaState = "breached" AND TicketPriority = "P1" AND ResolutionDue < "2026-12-01T00:00:00Z"';
    for await (const workflow of client.workflow.list({ query })) expect(workflow).toBeUndefined();

    expect(await registerCommand(namespace)).toEqual({
      code: 0,
      output: `search attributes already registered on namespace ${namespace}\n`,
    });
  });

  it('stops with a message naming an attribute registered with another type, and adds nothing', async () => {
    const namespace = await freshNamespace();
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: { TicketStage: IndexedValueType.INDEXED_VALUE_TYPE_INT },
    });
    const refused = await registerCommand(namespace);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      `search attribute TicketStage is already registered on namespace ${namespace} with a type other than KEYWORD`,
    );
    expect(Object.keys(await registeredTypes(namespace))).toEqual(['TicketStage']);
  });

  it('the temporal operator command in docs/deploying.md registers the same attributes', async () => {
    const namespace = await freshNamespace();
    const args = (await documentedCreateCommand()).map((word) => (word === 'ticketflow' ? namespace : word));
    const cli = await temporalCliPath(() => undefined);
    await promisify(execFile)(cli, [...args, '--address', inject('temporalAddress')]);
    expect(await registeredTypes(namespace)).toEqual(searchAttributeRegistrations());
  });
});
