import {
  organizationCreateSchema,
  organizationUpdateSchema,
  peopleQuerySchema,
  personCreateSchema,
  tokenIssueSchema,
} from '../../desk/admin/schemas';
import { fromZod, ref } from '../openapi/json-schema';
import { adminOperation, body, json, list, notFound, pathId } from './openapi-schemas';
import { adminServiceOperations } from './openapi-service';
import { errorResponses, queryParameters } from '../openapi/operations';

export const meOperation = {
  get: {
    operationId: 'me',
    tags: ['access'],
    summary: 'The person the bearer token belongs to: role, organization, agent kind',
    responses: { 200: json('the caller', 'Principal'), 401: errorResponses.unauthorized },
  },
};

/** Every route under /admin; all of them for admins only. */
export function adminOperations() {
  const invalid = errorResponses.invalid;
  return {
    '/admin/organizations': {
      get: adminOperation('listOrganizations', 'Customer organizations', {
        responses: { 200: list('the organizations', 'Organization') },
      }),
      post: adminOperation(
        'createOrganization',
        'Add a customer organization; its id is made from its name unless given',
        {
          requestBody: body(fromZod(organizationCreateSchema)),
          responses: {
            201: json('the organization', 'Organization'),
            400: invalid,
            409: json('the id or name is taken', 'FieldConflict'),
          },
        },
      ),
    },
    '/admin/organizations/{id}': {
      get: adminOperation('findOrganization', 'One organization', {
        parameters: [pathId(['acme-logistics'])],
        responses: { 200: json('the organization', 'Organization'), 404: notFound('organization') },
      }),
      patch: adminOperation(
        'updateOrganization',
        'Change the reporter limit (R6), account manager or e-mail domains',
        {
          parameters: [pathId(['acme-logistics'])],
          requestBody: body(fromZod(organizationUpdateSchema)),
          responses: {
            200: json('the organization', 'Organization'),
            400: invalid,
            404: notFound('organization'),
            409: json('the limit is below the requesters already authorized', 'FieldConflict'),
          },
        },
      ),
    },
    '/admin/people': {
      get: adminOperation('listPeople', 'People, by role then e-mail', {
        parameters: queryParameters(peopleQuerySchema),
        responses: { 200: list('the people', 'Person'), 400: invalid },
      }),
      post: adminOperation('createPerson', 'Add a requester, agent, manager or admin', {
        requestBody: body(fromZod(personCreateSchema)),
        responses: {
          201: json('the person', 'Person'),
          400: invalid,
          409: {
            description:
              'the e-mail is taken, or the organization has its limit of authorized reporters (R6)',
            content: {
              'application/json': { schema: { anyOf: [ref('FieldConflict'), ref('ReporterLimitReached')] } },
            },
          },
        },
      }),
    },
    '/admin/people/{id}/deactivate': {
      post: adminOperation(
        'deactivatePerson',
        'Deactivate a person: their tokens stop working and a reporter’s place is freed',
        {
          parameters: [pathId([])],
          responses: {
            200: json('the person', 'Person'),
            404: notFound('person'),
            409: json('the person is the desk’s only active admin', 'FieldConflict'),
          },
        },
      ),
    },
    '/admin/people/{id}/tokens': {
      get: adminOperation('listTokens', 'A person’s tokens, without their secrets', {
        parameters: [pathId([])],
        responses: { 200: list('the tokens', 'ApiToken'), 404: notFound('person') },
      }),
      post: adminOperation(
        'issueToken',
        'Issue a personal API token; the answer is the only time it is shown',
        {
          parameters: [pathId([])],
          requestBody: body(fromZod(tokenIssueSchema)),
          responses: {
            201: json('the token', 'IssuedToken'),
            400: invalid,
            404: notFound('person'),
            409: { ...errorResponses.notFound, description: 'the person is deactivated' },
          },
        },
      ),
    },
    '/admin/tokens/{id}/revoke': {
      post: adminOperation('revokeToken', 'Revoke a token', {
        parameters: [pathId([])],
        responses: { 200: json('the token', 'ApiToken'), 404: notFound('token') },
      }),
    },
    ...adminServiceOperations(),
  };
}
