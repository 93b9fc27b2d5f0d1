import { z } from 'zod';

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1 Schema Objects. */
export type JsonSchema = Record<string, unknown>;

/** What a client may send, from the zod schema a route parses it with. */
export function fromZod(schema: z.ZodType): JsonSchema {
  // 'input': before defaults and coercion apply, which is what a client may leave out or send as text.
  const json: JsonSchema = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  // OpenAPI 3.1's own dialect is JSON Schema 2020-12: the marker adds nothing inside the document.
  delete json.$schema;
  return json;
}

// Building blocks of the hand-written schemas of what the API answers.
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
