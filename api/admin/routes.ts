import { Router } from 'express';
import { allow, authenticate } from '../access';
import type { ContractChanged } from '../../desk/admin/contracts';
import type { DeskContext } from '../../desk/context';
import type { RolloutContext } from '../../desk/admin/sla-rollouts';
import { adminContractRoutes } from './contract-routes';
import { adminDirectoryRoutes } from './directory-routes';
import { adminPolicyRoutes } from './policy-routes';

export interface AdminHooks {
  /** Told of every contract created or changed, once stored: held tickets are released from here (R5). */
  onContractChanged?: ContractChanged;
}

/** The admin API: everything under /admin is for admins only. */
export function adminRoutes(
  ctx: Pick<DeskContext, 'db'> & Partial<RolloutContext>,
  hooks: AdminHooks = {},
): Router {
  const router = Router();
  router.use('/admin', authenticate(ctx.db), allow('admin'));
  router.use(adminDirectoryRoutes(ctx));
  router.use(adminContractRoutes(ctx, hooks.onContractChanged));
  router.use(adminPolicyRoutes(ctx));
  return router;
}
