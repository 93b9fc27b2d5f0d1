import { Router } from 'express';
import { z } from 'zod';
import {
  createOrganization,
  findOrganization,
  listOrganizations,
  updateOrganization,
} from '../../desk/admin/organizations';
import { createPerson, deactivatePerson, listPeople } from '../../desk/admin/people';
import {
  organizationCreateSchema,
  organizationUpdateSchema,
  peopleQuerySchema,
  personCreateSchema,
  tokenIssueSchema,
} from '../../desk/admin/schemas';
import { issueToken, listTokens, revokeToken } from '../../desk/admin/tokens';
import type { DeskContext } from '../../desk/context';
import { HttpError, parseOrThrow } from '../errors';

const uuid = z.uuid();

/** People and tokens have uuids: anything else names nobody, which is a 404 rather than a database error. */
export function existingId(what: string, id: string): string {
  if (!uuid.safeParse(id).success) throw HttpError.notFound(`${what} ${id}`);
  return id;
}

/** Organizations, their people and the people's API tokens (R4, R6, R24); admins only. */
export function adminDirectoryRoutes(ctx: Pick<DeskContext, 'db'>): Router {
  const router = Router();

  router.post('/admin/organizations', async (req, res) => {
    const organization = await createOrganization(ctx.db, parseOrThrow(organizationCreateSchema, req.body));
    res.status(201).location(`/admin/organizations/${organization.id}`).json(organization);
  });

  router.get('/admin/organizations', async (_req, res) => {
    res.json({ items: await listOrganizations(ctx.db) });
  });

  router.get('/admin/organizations/:id', async (req, res) => {
    const organization = await findOrganization(ctx.db, req.params.id);
    if (!organization) throw HttpError.notFound(`organization ${req.params.id}`);
    res.json(organization);
  });

  router.patch('/admin/organizations/:id', async (req, res) => {
    const changes = parseOrThrow(organizationUpdateSchema, req.body);
    res.json(await updateOrganization(ctx.db, req.params.id, changes));
  });

  router.post('/admin/people', async (req, res) => {
    const person = await createPerson(ctx.db, parseOrThrow(personCreateSchema, req.body));
    res.status(201).json(person);
  });

  router.get('/admin/people', async (req, res) => {
    res.json({ items: await listPeople(ctx.db, parseOrThrow(peopleQuerySchema, req.query)) });
  });

  router.post('/admin/people/:id/deactivate', async (req, res) => {
    res.json(await deactivatePerson(ctx.db, existingId('person', req.params.id)));
  });

  router.post('/admin/people/:id/tokens', async (req, res) => {
    const { label } = parseOrThrow(tokenIssueSchema, req.body ?? {});
    res.status(201).json(await issueToken(ctx.db, existingId('person', req.params.id), label));
  });

  router.get('/admin/people/:id/tokens', async (req, res) => {
    res.json({ items: await listTokens(ctx.db, existingId('person', req.params.id)) });
  });

  router.post('/admin/tokens/:id/revoke', async (req, res) => {
    res.json(await revokeToken(ctx.db, existingId('token', req.params.id)));
  });

  return router;
}
