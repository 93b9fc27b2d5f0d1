import type { TicketIntake } from '../../domain/ticket';
import type { Db } from '../../lib/db';
import { isActiveRequesterOf } from '../../lib/directory';
import type { Principal } from '../access';
import { DeskError, type FieldError } from '../errors';

/**
 * Who a ticket may be opened for, checked before a number is taken. A requester opens tickets only for
 * themselves and their own organization, received now (403 naming the field); the desk opens them for
 * callers (phone, walk-in), who must be authorized reporters of the organization named (R4, R6: 422).
 */
export async function ensureMayOpenFor(db: Db, principal: Principal, intake: TicketIntake): Promise<void> {
  if (principal.role === 'requester') {
    const errors: FieldError[] = [];
    // A backdated request starts its clocks in the past: only the desk vouches for when a call came in.
    if (intake.channel === 'phone' || intake.channel === 'walk-in') {
      errors.push({ field: 'channel', message: 'phone and walk-in requests are entered by the desk' });
    }
    if (intake.receivedAt) {
      errors.push({ field: 'receivedAt', message: 'only the desk enters when a request was received' });
    }
    if (intake.requester.email.toLowerCase() !== principal.email) {
      errors.push({ field: 'requester.email', message: `a requester opens tickets as ${principal.email}` });
    }
    if (intake.organization !== principal.organization!.name) {
      errors.push({
        field: 'organization',
        message: `a requester opens tickets for ${principal.organization!.name}`,
      });
    }
    if (errors.length)
      throw DeskError.forbidden('a requester opens tickets only for themselves, as they send them', errors);
    return;
  }
  const organization = await db('organizations').where({ name: intake.organization }).first('id');
  if (!organization) {
    throw unknownParty('organization', `${intake.organization} is not a customer organization`);
  }
  if (!(await isActiveRequesterOf(db, intake.requester.email, intake.organization))) {
    throw unknownParty(
      'requester.email',
      `${intake.requester.email} is not an authorized reporter of ${intake.organization} (R4, R6)`,
    );
  }
}

function unknownParty(field: string, message: string): DeskError {
  return DeskError.refused([{ field, message }], 'the ticket names an unknown party');
}
