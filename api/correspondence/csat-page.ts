import type { CsatSurvey } from '../../desk/correspondence/csat';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const labels = ['', 'Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

/**
 * The page a survey link opens. The score from the letter's one-click link is preselected but only recorded
 * when the requester sends the form: mail scanners open links, and must not answer surveys.
 */
export function csatPage(survey: CsatSurvey, preselected: number | undefined, note?: string): string {
  const body = survey.answered
    ? `<p>Thank you: you rated this request <strong>${survey.answered.score} of 5</strong>.</p>`
    : `<form method="post">
<fieldset><legend>How satisfied are you with how we handled it?</legend>
${[1, 2, 3, 4, 5]
  .map(
    (n) =>
      `<label><input type="radio" name="score" value="${n}" required${n === preselected ? ' checked' : ''}> ${n} · ${labels[n]}</label><br>`,
  )
  .join('\n')}
</fieldset>
<p><label>Anything you would like to tell us?<br><textarea name="comment" rows="4" cols="60" maxlength="5000"></textarea></label></p>
<button type="submit">Send</button></form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your opinion on ${escape(survey.ticketNumber)}</title>
<style>body{font:16px system-ui;max-width:40em;margin:2em auto}fieldset{border:0;padding:0}</style></head><body>
<h1>Request ${escape(survey.ticketNumber)}</h1><p>${escape(survey.affected)}</p>
${note ? `<p role="alert">${escape(note)}</p>` : ''}${body}</body></html>`;
}
