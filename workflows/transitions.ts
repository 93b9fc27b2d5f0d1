import { actionNames, type ActionCommands, type ActionName } from './messages';
import { missingFields, notAllowedNow } from './refusals';
import { serviceRules } from './service-rules';
import { stageRules, type StageRule } from './stage-rules';
import { correspondenceRules } from './correspondence-rules';
import { planRules } from './plan-rules';
import { blockedWhileHeld, heldReason, heldRules } from './held-service';
import type { EventDraft, TicketState } from './ticket-state';

const actionRules: { [A in ActionName]: StageRule<A> } = {
  ...stageRules,
  ...serviceRules,
  ...heldRules,
  ...correspondenceRules,
  ...planRules,
};

/** What the ticket accepts now: exactly the actions `validateAction` would let through, held or not. */
export function allowedActions(state: TicketState): ActionName[] {
  return actionNames.filter((name) => {
    const rule = actionRules[name];
    return (
      !(state.held && blockedWhileHeld.includes(name)) &&
      rule.from.includes(state.stage) &&
      !(rule.blockedBecause as (s: TicketState) => string | undefined)?.(state)
    );
  });
}

/**
 * Runs in the update validator, so a command that cannot apply is refused before it enters history.
 * Shape faults and stage faults are told apart: the API answers 400 for one and 409 for the other.
 */
export function validateAction<A extends ActionName>(
  state: TicketState,
  name: A,
  command: ActionCommands[A],
): void {
  const rule = actionRules[name];
  const alsoRequired =
    (rule.alsoRequired as ((c: ActionCommands[A]) => readonly string[]) | undefined)?.(command) ?? [];
  const missing = [...rule.required, ...alsoRequired].filter(
    (field) => !isFilled((command as Record<string, unknown>)?.[field]),
  );
  if (typeof command?.actor !== 'string' || command.actor.trim() === '') missing.unshift('actor');
  if (missing.length > 0) throw missingFields(name, missing);
  const held = blockedWhileHeld.includes(name) ? heldReason(state) : undefined;
  const blockedByRule = rule.from.includes(state.stage)
    ? (rule.blockedBecause as (s: TicketState, c: ActionCommands[A]) => string | undefined)?.(state, command)
    : `not allowed in stage ${state.stage}`;
  const blocked = held ?? blockedByRule;
  if (blocked) throw notAllowedNow(name, blocked, state.stage, allowedActions(state));
}

export function applyAction<A extends ActionName>(
  state: TicketState,
  name: A,
  command: ActionCommands[A],
  at: string,
): EventDraft[] {
  validateAction(state, name, command);
  type Apply = (s: TicketState, c: ActionCommands[A], at: string) => EventDraft | EventDraft[];
  return [(actionRules[name].apply as Apply)(state, command, at)].flat();
}

function isFilled(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}
