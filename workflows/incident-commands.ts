import { ApplicationFailure } from '@temporalio/workflow';
import { priorities } from '../domain/priority';
import type { TicketAnswer } from '../activities/incident-tickets';
import { noticeOf, recordIncidentEvent, type IncidentRule, type IncidentState } from './incident-state';
import { failureTypes, type IncidentCommandName, type IncidentCommands } from './messages';

/** Tickets one incident may carry: a bound on its state and on the work of one change. */
export const MAX_LINKED_TICKETS = 500;

const linked = (state: IncidentState, ticket: string) => state.view.tickets.some((t) => t.number === ticket);
const numbersOf = (state: IncidentState) => state.view.tickets.map((t) => t.number);
const refusals = (answers: TicketAnswer[]) => answers.filter((a) => a.refused !== undefined);

/** What each of the incident's commands may do, and what it tells its tickets. */
export const incidentRules: { [C in IncidentCommandName]: IncidentRule<IncidentCommands[C]> } = {
  link: {
    required: ['ticket', 'organization'],
    blockedBecause: (state, { ticket }) =>
      linked(state, ticket)
        ? `${ticket} is already linked`
        : state.view.tickets.length >= MAX_LINKED_TICKETS
          ? `an incident carries at most ${MAX_LINKED_TICKETS} tickets`
          : undefined,
    apply: async (state, { actor, ticket, organization }, at, tell) => {
      const [answer] = await tell([ticket], 'link-incident', { actor, incident: noticeOf(state) });
      if (answer?.refused) {
        throw ApplicationFailure.create({
          type: failureTypes.ticketRefused,
          message: `${ticket}: ${answer.refused}`,
          nonRetryable: true,
        });
      }
      const { priority } = state.view;
      // R15: the ticket takes the incident's priority, and its requester is told; one already there stays.
      if (priority) {
        const reason = `linked to major incident ${state.view.number}: ${state.view.title}`;
        await tell([ticket], 'change-priority', { actor, priority, reason });
      }
      state.view.tickets.push({ number: ticket, organization, linkedAt: at });
      recordIncidentEvent(state, { type: 'ticket-linked', actor, at, data: { ticket, organization } });
    },
  },
  unlink: {
    required: ['ticket'],
    blockedBecause: (state, { ticket }) => (linked(state, ticket) ? undefined : `${ticket} is not linked`),
    apply: async (state, { actor, ticket, reason }, at, tell) => {
      // A ticket that closed meanwhile has nothing to unlink; the incident lets it go all the same.
      const [answer] = await tell([ticket], 'unlink-incident', {
        actor,
        incident: state.view.number,
        reason,
      });
      state.view.tickets = state.view.tickets.filter((t) => t.number !== ticket);
      const data = { ticket, reason, ...(answer?.refused ? { refused: answer.refused } : {}) };
      recordIncidentEvent(state, { type: 'ticket-unlinked', actor, at, data });
    },
  },
  'post-update': {
    required: ['message'],
    blockedBecause: () => undefined,
    apply: async (state, { actor, message }, at, tell) => {
      state.view.lastUpdate = { message, at };
      const answers = await tell(numbersOf(state), 'incident-update', {
        actor,
        incident: state.view.number,
        message,
      });
      const told = answers.length - refusals(answers).length;
      recordIncidentEvent(state, {
        type: 'update-posted',
        actor,
        at,
        data: { message, told, refused: refusals(answers) },
      });
    },
  },
  'set-priority': {
    required: ['priority', 'reason'],
    blockedBecause: (state, { priority }) =>
      !priorities.includes(priority)
        ? `priority must be one of ${priorities.join(', ')}`
        : priority === state.view.priority
          ? `the priority is already ${priority}`
          : undefined,
    apply: async (state, { actor, priority, reason }, at, tell) => {
      state.view.priority = priority;
      const why = `major incident ${state.view.number}: ${reason}`;
      const answers = await tell(numbersOf(state), 'change-priority', { actor, priority, reason: why });
      const changed = answers.length - refusals(answers).length;
      recordIncidentEvent(state, { type: 'priority-set', actor, at, data: { priority, reason, changed } });
    },
  },
  resolve: {
    required: ['solution'],
    blockedBecause: () => undefined,
    apply: async (state, { actor, solution }, at, tell) => {
      state.view.status = 'resolved';
      state.view.resolvedAt = at;
      state.view.solution = solution;
      const answers = await tell(numbersOf(state), 'incident-resolved', {
        actor,
        incident: state.view.number,
        solution,
      });
      const proposed = answers.length - refusals(answers).length;
      recordIncidentEvent(state, { type: 'resolved', actor, at, data: { solution, proposed } });
      // Each ticket that could not take the solution (already in testing, held, closed) is worked on its own.
      for (const { ticket, refused } of refusals(answers)) {
        recordIncidentEvent(state, {
          type: 'solution-refused',
          actor: 'system',
          at,
          data: { ticket, refused },
        });
      }
    },
  },
};
