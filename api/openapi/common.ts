import { safeText, type JsonSchema } from './json-schema';
import { errorResponses } from './operations';

type Operation = {
  parameters?: Array<{ schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, object>;
};

/**
 * What the API's guards do on every route, written into every operation the guard covers, so no operation
 * has to say it itself:
 * - texts refuse control characters (api/text-guard.ts): every text a client sends has that pattern;
 * - 400 where anything is read from the request, since any text in it may be refused so;
 * - 422 where it validates its input (api/errors.ts parseOrThrow), unless it says its own;
 * - 413 where it takes a body, which express.json() refuses over its limit.
 */
export function withCommonAnswers<D extends { paths: Record<string, Record<string, object>> }>(
  document: D,
): D {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Operation[]) {
      const { parameters = [], requestBody, responses: answers } = operation;
      for (const { schema } of parameters) if (schema) safeTexts(schema);
      for (const { schema } of Object.values(requestBody?.content ?? {})) if (schema) safeTexts(schema);
      const readsInput = parameters.length > 0 || requestBody !== undefined;
      operation.responses = {
        ...answers,
        ...(readsInput && !answers[400] ? { 400: errorResponses.invalid } : {}),
        ...(readsInput && !answers[422] ? { 422: errorResponses.refused } : {}),
        ...(requestBody ? { 413: errorResponses.tooLarge } : {}),
      };
    }
  }
  return document;
}

const isText = (schema: JsonSchema) =>
  schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

/** Every free text in the schema gets the safe-text pattern; one with a pattern of its own keeps that. */
function safeTexts(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(safeTexts);
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as JsonSchema;
  const constrained = ['pattern', 'enum', 'const', 'format'].some((keyword) => keyword in node);
  if (isText(node) && !constrained) Object.assign(node, safeText);
  Object.values(node).forEach(safeTexts);
}
