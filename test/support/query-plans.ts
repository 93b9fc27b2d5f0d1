import type { Db } from '../../lib/db';

/** One node of `EXPLAIN (FORMAT JSON)`: the fields read here, and its children. */
export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

interface CapturedQuery {
  sql: string;
  bindings: unknown[];
}

/**
 * The plans of the statements `read` sends, in order: each is captured as knex sends it (placeholders and
 * values as the driver gets them) and explained on one connection after `read` has run it.
 */
export async function plansOf(db: Db, read: (db: Db) => Promise<unknown>): Promise<PlanNode[]> {
  const captured: CapturedQuery[] = [];
  const capture = (query: CapturedQuery) => captured.push({ sql: query.sql, bindings: query.bindings ?? [] });
  db.on('query', capture);
  try {
    await read(db);
  } finally {
    db.off('query', capture);
  }
  const client = db.client as {
    acquireConnection(): Promise<{ query(sql: string, values: unknown[]): Promise<{ rows: any[] }> }>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    const plans: PlanNode[] = [];
    for (const { sql, bindings } of captured) {
      const { rows } = await connection.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, bindings);
      plans.push(rows[0]['QUERY PLAN'][0].Plan);
    }
    return plans;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** Every node of the plan, depth first. */
export function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** "Index Only Scan tickets_newest", "Seq Scan tickets": how each table was read. */
export function tableReads(plan: PlanNode): string[] {
  return nodesOf(plan)
    .filter((node) => node['Relation Name'] !== undefined || node['Index Name'] !== undefined)
    .map((node) => `${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
}
