import { planAnswerSchema } from '../../desk/tickets/plan-answers';
import { workPlanSchema } from '../../domain/work-plan';
import { answerSchema, fromZod, object, text } from '../openapi/json-schema';
import { errorResponses } from '../openapi/operations';

const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});
const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } };
const refused = {
  403: json('a link the desk did not sign, or for a plan since redrafted', object({ error: text })),
};
const view = object({ ticketNumber: text, affected: text, plan: answerSchema(workPlanSchema) });

/** The signed links of a work-plan letter (R8). */
export function planLinkOperations() {
  return {
    '/plans/{token}': {
      get: {
        operationId: 'openPlanLink',
        tags: ['tickets'],
        security: [],
        summary: 'The work plan a letter links to; `answer` preselects, only sending the form records (R8)',
        parameters: [
          token,
          { name: 'answer', in: 'query', required: false, schema: { enum: ['approve', 'decline'] } },
        ],
        responses: {
          200: { description: 'the plan and the answer form', content: { 'text/html': {} } },
          ...refused,
        },
      },
      post: {
        operationId: 'answerPlanLink',
        tags: ['tickets'],
        security: [],
        summary: "The client's answer to the plan: approve, or decline with a reason",
        parameters: [token],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: fromZod(planAnswerSchema) },
            'application/x-www-form-urlencoded': { schema: fromZod(planAnswerSchema) },
          },
        },
        responses: {
          201: json('recorded (HTML thanks for a form post)', view),
          400: errorResponses.invalid,
          ...refused,
          409: json('the plan was already answered', object({ error: text })),
          503: errorResponses.unavailable,
        },
      },
    },
  };
}
