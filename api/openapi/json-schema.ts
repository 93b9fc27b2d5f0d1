import { z } from 'zod';

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1 Schema Objects. */
export type JsonSchema = Record<string, unknown>;

/** What a client may send, from the zod schema a route parses it with. */
export function fromZod(schema: z.ZodType): JsonSchema {
  // 'input': before defaults and coercion apply, which is what a client may leave out or send as text.
  const json: JsonSchema = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // A text piped into a check (trim, then z.email()) shows only its input side: add what the check requires.
      if (zodSchema instanceof z.core.$ZodPipe && jsonSchema.type === 'string') {
        Object.assign(jsonSchema, textChecks(zodSchema._zod.def.out));
      }
      // A text with a pattern of its own (phone numbers) keeps just that: a second pattern would need an
      // allOf, which generators can only meet by filtering.
      if (
        zodSchema instanceof z.core.$ZodString &&
        trims(zodSchema) &&
        jsonSchema.minLength &&
        !jsonSchema.pattern
      ) {
        Object.assign(jsonSchema, notBlank);
      }
      // JSON Schema's `email` format allows what zod refuses (quoted local parts, address literals, dotless
      // domains); zod's pattern, which the document carries too, is exactly what the server accepts.
      if (jsonSchema.format === 'email' && jsonSchema.pattern) delete jsonSchema.format;
    },
  });
  // OpenAPI 3.1's own dialect is JSON Schema 2020-12: the marker adds nothing inside the document.
  delete json.$schema;
  return json;
}

/**
 * What the API answers, from the zod schema its type is inferred from. Objects stay open (a client must not
 * break when a field is added), and an instant is just `date-time`: zod's pattern says the same at length.
 */
export function answerSchema(schema: z.ZodType): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    },
  });
  delete json.$schema;
  return json;
}

// What the API refuses in any text (domain/safe-text.ts; lone surrogates no generator sends), and what
// String.prototype.trim() removes, spelt out: other regex dialects each have their own idea of `\s`.
const unsafe = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
const blank = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

export const safeText = { pattern: `^[^${unsafe}]*$` };

const notBlank = {
  pattern: `^[^${unsafe}]*[^${unsafe}${blank}][^${unsafe}]*$`,
  description: 'not blank: the server trims surrounding white space first',
};

/** Whether the text is trimmed before its length is checked: then a blank one is too short, whatever its length. */
function trims(text: z.core.$ZodString): boolean {
  return (text._zod.def.checks ?? []).some((check) => {
    const { tx } = check._zod.def as { tx?: (value: string) => unknown };
    return tx?.(' \t ') === '';
  });
}

function textChecks(check: z.core.$ZodType): JsonSchema {
  if (check instanceof z.core.$ZodPipe) return textChecks(check._zod.def.in);
  if (!(check instanceof z.core.$ZodString)) return {};
  const { format, pattern } = z.toJSONSchema(check, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return Object.fromEntries(Object.entries({ format, pattern }).filter(([, value]) => value !== undefined));
}

// Building blocks of the schemas of answers the API builds without a zod schema.
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const text: JsonSchema = { type: 'string' };
export const textOrNull: JsonSchema = { type: ['string', 'null'] };
export const time: JsonSchema = { type: 'string', format: 'date-time' };
export const timeOrNull: JsonSchema = { type: ['string', 'null'], format: 'date-time' };
export const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });
export const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

export const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});
