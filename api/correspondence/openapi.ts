import { csatAnswerSchema } from '../../desk/correspondence/csat';
import { fromZod, object, text, time, type JsonSchema } from '../openapi/json-schema';
import { accessResponses, errorResponses, jsonResponse, ticketNumber } from '../openapi/operations';
import { replySchema } from './routes';
import { maxFilesPerUpload, uploadField } from './uploads';

const json = (description: string, schema: JsonSchema) => ({
  description,
  content: { 'application/json': { schema } },
});
const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } };
const attachmentId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const attachment = object({
  id: { type: 'integer' },
  filename: text,
  contentType: text,
  size: { type: 'integer' },
  receivedAt: time,
});
const answered = object({
  score: { type: 'integer' },
  comment: { type: ['string', 'null'] },
  submittedAt: time,
});
const survey = object({
  ticketNumber: text,
  affected: text,
  answered: { anyOf: [answered, { type: 'null' }] },
});
const surveyRefused = {
  403: json('a link the desk did not sign, or for a ticket that is not closed', object({ error: text })),
};
const html = (description: string) => ({ description, content: { 'text/html': {} } });

/** The ticket's conversation (R7, R13), its attachments and the signed CSAT links. */
export function correspondenceOperations() {
  return {
    '/tickets/{number}/replies': {
      post: {
        operationId: 'replyToTicket',
        tags: ['tickets'],
        summary:
          "A message on the ticket's conversation; on a closed ticket, a clarification that does not reopen it (R13)",
        parameters: [ticketNumber],
        requestBody: { required: true, content: { 'application/json': { schema: fromZod(replySchema) } } },
        responses: {
          200: json(
            'recorded by the workflow; an answer to its question resumes the clocks',
            object({ recorded: text, ticket: { type: 'object' } }),
          ),
          202: json(
            'the ticket is closed: kept as a clarification and passed to the engineer',
            object({ recorded: text }),
          ),
          400: errorResponses.invalid,
          ...accessResponses,
          404: errorResponses.notFound,
          409: jsonResponse('not allowed in the ticket’s current stage', 'NotAllowedNow'),
        },
      },
    },
    '/tickets/{number}/attachments': {
      get: {
        operationId: 'listAttachments',
        tags: ['tickets'],
        summary: 'Files on this ticket: screenshots and files uploaded, and those that came with e-mail (R2)',
        parameters: [ticketNumber],
        responses: {
          200: json('the files, oldest first', object({ items: { type: 'array', items: attachment } })),
          ...accessResponses,
          404: errorResponses.notFound,
        },
      },
      post: {
        operationId: 'attachFiles',
        tags: ['tickets'],
        summary: `Attaches screenshots or files (R2): up to ${maxFilesPerUpload} in the multipart field \`${uploadField}\`, each within ATTACHMENT_MAX_BYTES, the limit mail has`,
        parameters: [ticketNumber],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: [uploadField],
                properties: {
                  [uploadField]: {
                    type: 'array',
                    minItems: 1,
                    maxItems: maxFilesPerUpload,
                    // An empty part is no file: refused as the shape, naming which one.
                    items: { type: 'string', format: 'binary', minLength: 1 },
                  },
                },
              },
            },
          },
        },
        responses: {
          201: json(
            'the files kept, in the order sent',
            object({ items: { type: 'array', items: attachment } }),
          ),
          400: errorResponses.invalid,
          ...accessResponses,
          404: errorResponses.notFound,
          413: json(
            'a file over ATTACHMENT_MAX_BYTES: the field is named, nothing is written',
            object({
              error: text,
              errors: { type: 'array', items: object({ field: text, message: text }) },
              maxBytes: { type: 'integer' },
            }),
          ),
        },
      },
    },
    '/tickets/{number}/attachments/{id}': {
      get: {
        operationId: 'downloadAttachment',
        tags: ['tickets'],
        parameters: [ticketNumber, attachmentId],
        responses: {
          200: { description: 'the file as it came' },
          400: errorResponses.invalid,
          ...accessResponses,
          404: errorResponses.notFound,
        },
      },
    },
    '/tickets/{number}/csat': {
      post: {
        operationId: 'answerCsatOnTicket',
        tags: ['tickets'],
        summary: 'The signed-in requester rates their closed ticket (1–5) with a comment, once (R13)',
        parameters: [ticketNumber],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: fromZod(csatAnswerSchema) } },
        },
        responses: {
          201: json('recorded', answered),
          400: errorResponses.invalid,
          ...accessResponses,
          404: errorResponses.notFound,
          409: json('the ticket is not closed, or was already rated', object({ error: text })),
        },
      },
    },
    '/csat/{token}': {
      get: {
        operationId: 'openCsatSurvey',
        tags: ['tickets'],
        security: [],
        summary: 'The survey page a letter links to; `score` preselects, only sending the form records (R13)',
        parameters: [
          token,
          {
            name: 'score',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 5 },
          },
        ],
        responses: { 200: html('the survey form, or the answer already given'), ...surveyRefused },
      },
      post: {
        operationId: 'answerCsatSurvey',
        tags: ['tickets'],
        security: [],
        summary: 'Record the score (1–5) and comment; a link answers once',
        parameters: [token],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: fromZod(csatAnswerSchema) },
            'application/x-www-form-urlencoded': { schema: fromZod(csatAnswerSchema) },
          },
        },
        responses: {
          201: json('recorded (HTML thanks for a form post)', survey),
          400: errorResponses.invalid,
          ...surveyRefused,
          409: json('the survey was already answered', object({ error: text })),
        },
      },
    },
  };
}
