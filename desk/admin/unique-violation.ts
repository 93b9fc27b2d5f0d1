/** The name of the unique constraint a PostgreSQL error broke, if that is what it was. */
export function uniqueViolation(error: unknown): string | undefined {
  const pg = error as { code?: string; constraint?: string } | null;
  return pg?.code === '23505' ? pg.constraint : undefined;
}
