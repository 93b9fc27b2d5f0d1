import { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * What a feature refuses and why, in the desk's terms; the API turns each kind into its status in one place
 * (api/errors.ts), and the mail process into a refusal or a retry.
 * - invalid: not of the documented shape; refused: well-formed, but a rule refuses what it means;
 * - forbidden: the caller may not; not-found; conflict: not now, in the ticket's or record's present state;
 * - unavailable: a worker or dependency did not answer in time, nothing half-done: try again.
 */
export type DeskErrorKind = 'invalid' | 'refused' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable';

export class DeskError extends Error {
  constructor(
    readonly kind: DeskErrorKind,
    message: string,
    /** Said to the caller beside the message: the fields at fault (`errors`), the stage, what to retry. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DeskError';
  }

  static invalid(errors: FieldError[]): DeskError {
    return new DeskError('invalid', 'invalid request', { errors });
  }

  static refused(errors: FieldError[], message = 'request refused'): DeskError {
    return new DeskError('refused', message, { errors });
  }

  static forbidden(message: string, errors?: FieldError[]): DeskError {
    return new DeskError('forbidden', message, errors ? { errors } : {});
  }

  static notFound(what: string): DeskError {
    return new DeskError('not-found', `${what} not found`);
  }

  static conflict(message: string, details: Record<string, unknown> = {}): DeskError {
    return new DeskError('conflict', message, details);
  }

  static unavailable(message: string, details: Record<string, unknown> = {}): DeskError {
    return new DeskError('unavailable', message, { retryable: true, ...details });
  }
}

export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const name = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || 'body';
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: name([...issue.path, key]), message: 'unknown field' }))
      : [{ field: name(issue.path), message: issue.message }],
  );
}

/**
 * Parses with a schema or throws naming every bad field: invalid when the value is not of the documented
 * shape, refused when it is and only a rule the document cannot state (a refinement: one field against
 * another, or a check in code) refuses it. A refinement the document states after all (a oneOf) says so
 * with `params: { inDocument: true }`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error, prefix);
  const refinedOnly = parsed.error.issues.every(
    (issue) => issue.code === 'custom' && !(issue.params as { inDocument?: boolean } | undefined)?.inDocument,
  );
  throw refinedOnly ? DeskError.refused(errors) : DeskError.invalid(errors);
}
