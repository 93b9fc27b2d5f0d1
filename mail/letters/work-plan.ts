import type { PlannedActivity } from '../../domain/work-plan';
import type { LetterTemplate, TicketLetterKind } from './types';
import { formatInstant, textOf } from './wording';

/** The plan link with the answer chosen; the page it opens records the answer only when it is sent. */
export function answerLink(plan: string, answer: 'approve' | 'decline'): string {
  return `${plan}${plan.includes('?') ? '&' : '?'}answer=${answer}`;
}

function scheduleLine(a: PlannedActivity): string {
  const where = a.onSite ? ', on site' : '';
  const special = a.specialHours ? ' (special hours: outside business hours, as agreed with you)' : '';
  return `${a.id}. ${a.title}: ${formatInstant(a.start)} to ${formatInstant(a.end)}${where}${special}`;
}

/** R8 and R16: the plan of the work, put to the client, who approves or declines it with one click. */
const planProposed: LetterTemplate = ({ ticket, event, links, tag }) => {
  const activities = (event.data.activities ?? []) as PlannedActivity[];
  const clocksPaused = event.data.clocksPaused === true;
  return {
    subject: `Work plan for your approval: ${ticket.affected}`,
    intro:
      `To resolve your request ${ticket.number} we have drawn up a work plan. No planned work starts ` +
      'before you approve it.',
    blocks: [
      { paragraph: 'The objective:' },
      { quote: textOf(event.data, 'objective') ?? '' },
      { paragraph: 'The schedule:' },
      { quote: activities.map(scheduleLine).join('\n') },
      ...(links.plan
        ? [
            { paragraph: 'Please tell us whether you approve it; the page that opens asks you to confirm:' },
            {
              links: [
                { label: 'Approve the plan', href: answerLink(links.plan, 'approve') },
                { label: 'Decline the plan', href: answerLink(links.plan, 'decline') },
              ],
            },
          ]
        : []),
      {
        paragraph:
          `You may also answer in the portal, or reply keeping ${tag} in the subject.` +
          (clocksPaused ? ' Until you answer, the service-level clocks of your request are paused.' : ''),
      },
    ],
  };
};

/** R8's control: an activity past its planned end without completion reminds its owner. */
const activityOverdue: LetterTemplate = ({ ticket, event }) => ({
  subject: `Overdue plan activity: ${ticket.affected}`,
  intro: `An activity of the work plan of ${ticket.number} is past its planned end and not completed.`,
  blocks: [
    {
      facts: [
        ['Activity', textOf(event.data, 'title') ?? '?'],
        ['Planned end', formatInstant(textOf(event.data, 'plannedEnd') ?? '')],
      ],
    },
    { paragraph: 'Please complete it with a note, or tell the client and the desk what holds it up.' },
  ],
});

export const workPlanLetters = {
  'plan-proposed': planProposed,
  'activity-overdue': activityOverdue,
} satisfies Partial<Record<TicketLetterKind, LetterTemplate>>;
