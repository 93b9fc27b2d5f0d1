import { standsOn, utcDay } from '../../domain/contract-standing';
import type { Contract } from './contracts';
import type { DeskContext } from '../context';
import { performAction } from '../tickets/actions';

/**
 * R5: a contract valid today releases its organization's tickets held for a lapsed contract; each resumes
 * where it was. Runs after the contract is stored, so a failure here leaves the tickets held, not the
 * contract unsaved; renewing again (or `release` by an agent) picks them up.
 */
export async function releaseHeldTickets(ctx: DeskContext, contract: Contract): Promise<string[]> {
  if (!standsOn(contract, utcDay(new Date().toISOString()))) return [];
  const held: { number: string }[] = await ctx
    .db('tickets')
    .where({ organization: contract.organization })
    .whereNot('stage', 'CLOSED')
    .whereRaw("held->>'reason' = 'contract-expired'")
    .select('number');
  const note = `contract ${contract.id} valid from ${contract.validFrom}${contract.validTo ? ` to ${contract.validTo}` : ''}`;
  for (const { number } of held) await performAction(ctx, number, 'release', { note }, 'contract-renewal');
  return held.map((t) => t.number);
}
