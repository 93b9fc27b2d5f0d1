import type { PlanLinkView } from '../../desk/tickets/plan-answers';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The page a plan letter's link opens (R8). The answer chosen in the letter is preselected but recorded only
 * when the client sends the form, as the survey's: a mail scanner opening the link answers nothing.
 */
export function planPage(view: PlanLinkView, preselected: string | undefined, note?: string): string {
  const { plan } = view;
  const rows = plan.activities
    .map(
      (a) =>
        `<li>${escape(a.title)}: ${escape(a.start)} – ${escape(a.end)}${a.onSite ? ', on site' : ''}` +
        `${a.specialHours ? ' <strong>(special hours)</strong>' : ''}</li>`,
    )
    .join('\n');
  const choice = (value: string, label: string) =>
    `<label><input type="radio" name="answer" value="${value}" required${value === preselected ? ' checked' : ''}> ${label}</label><br>`;
  const body =
    plan.status === 'awaiting-approval'
      ? `<form method="post"><fieldset><legend>Your answer</legend>
${choice('approve', 'I approve this plan')}
${choice('decline', 'I decline this plan')}
</fieldset>
<p><label>If you decline, please tell us why<br><textarea name="reason" rows="4" cols="60" maxlength="5000"></textarea></label></p>
<button type="submit">Send my answer</button></form>`
      : `<p role="status">Thank you: this plan is ${escape(plan.status)}.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Work plan for ${escape(view.ticketNumber)}</title>
<style>body{font:16px system-ui;max-width:40em;margin:2em auto}fieldset{border:0;padding:0}</style></head><body>
<h1>Work plan for ${escape(view.ticketNumber)}</h1><p>${escape(view.affected)}</p>
<h2>Objective</h2><p>${escape(plan.objective)}</p><h2>Schedule</h2><ol>${rows}</ol>
${note ? `<p role="alert">${escape(note)}</p>` : ''}${body}</body></html>`;
}
