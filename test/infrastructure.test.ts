import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../lib/config';
import { ticketSearchAttributes } from '../workflows/search-attributes';

describe('test infrastructure', () => {
  it('provides a migrated PostgreSQL database', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT 1 AS one, to_regclass('public.tickets') IS NOT NULL AS migrated",
      );
      expect(rows).toEqual([{ one: 1, migrated: true }]);
    } finally {
      await client.end();
    }
  });

  it('provides a Temporal server with the ticket search attributes registered', async () => {
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace: loadConfig().temporal.namespace,
      });
      expect(Object.keys(customAttributes ?? {})).toEqual(
        expect.arrayContaining(Object.values(ticketSearchAttributes).map((key) => key.name)),
      );
    } finally {
      await connection.close();
    }
  });

  it('provides runnable Temporal binaries', async () => {
    const { stdout } = await promisify(execFile)(inject('temporalCliPath'), ['--version']);
    expect(stdout).toMatch(/^temporal version /);
    await expect(access(inject('temporalTestServerPath'), constants.X_OK)).resolves.toBeUndefined();
  });
});
