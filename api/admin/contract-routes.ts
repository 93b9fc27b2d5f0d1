import { Router } from 'express';
import {
  createContract,
  listContracts,
  updateContract,
  type ContractChanged,
} from '../../desk/admin/contracts';
import { contractCreateSchema, contractsQuerySchema, contractUpdateSchema } from '../../desk/admin/schemas';
import type { DeskContext } from '../../desk/context';
import { HttpError, parseOrThrow } from '../errors';

/** Contracts of the organizations (R16, R21, R5); admins only. `onContractChanged` hears of each stored one. */
export function adminContractRoutes(
  ctx: Pick<DeskContext, 'db'>,
  onContractChanged?: ContractChanged,
): Router {
  const router = Router();

  router.post('/admin/contracts', async (req, res) => {
    const input = parseOrThrow(contractCreateSchema, req.body);
    const contract = await createContract(ctx.db, input, onContractChanged);
    res.status(201).json(contract);
  });

  router.get('/admin/contracts', async (req, res) => {
    res.json({ items: await listContracts(ctx.db, parseOrThrow(contractsQuerySchema, req.query)) });
  });

  router.patch('/admin/contracts/:id', async (req, res) => {
    if (!/^\d{1,18}$/.test(req.params.id)) throw HttpError.notFound(`contract ${req.params.id}`);
    const changes = parseOrThrow(contractUpdateSchema, req.body);
    res.json(await updateContract(ctx.db, req.params.id, changes, onContractChanged));
  });

  return router;
}
