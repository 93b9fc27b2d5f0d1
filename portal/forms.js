import { ApiError } from './api.js';
import { errorBox, h } from './dom.js';

// Forms leave checking to the API (`novalidate`): its 400 names each bad field, and the message is shown
// under that field. Field names are the API's dotted paths (`site.room`), so the two line up.

let nextId = 0;

/**
 * A labelled input with a slot for its error. `spec`: { name, label, type?: 'text'|'textarea'|'select'|
 * 'number'|'checkbox'|'file', options?: [value, label][], value?, hint?, readonly? }. A file input takes
 * several files; `valuesOf` leaves it out (files go up as multipart, `filesOf`).
 */
export function field(spec) {
  const id = `f${++nextId}`;
  const errorId = `${id}-error`;
  const common = { id, name: spec.name, 'aria-describedby': errorId, readonly: spec.readonly };
  let control;
  if (spec.type === 'textarea') control = h('textarea', { ...common, rows: 4 }, spec.value ?? '');
  else if (spec.type === 'select') {
    control = h(
      'select',
      common,
      h('option', { value: '' }, 'choose…'),
      spec.options.map(([value, label]) => h('option', { value, selected: value === spec.value }, label)),
    );
  } else if (spec.type === 'file') {
    control = h('input', { ...common, type: 'file', multiple: true });
  } else if (spec.type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: spec.value === true });
  } else control = h('input', { ...common, type: spec.type ?? 'text', value: spec.value ?? '' });
  return h(
    'div',
    { class: `field field-${spec.type ?? 'text'}`, 'data-field': spec.name },
    h('label', { for: id }, spec.label),
    control,
    spec.hint && h('small', { class: 'hint' }, spec.hint),
    h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }),
  );
}

/**
 * The form's values as the API's JSON: dotted names nest, empty texts are left out (so a missing required
 * field reads "required"), numbers are numbers and a ticked checkbox is `true` (unticked: not said).
 */
export function valuesOf(form) {
  const body = {};
  for (const control of form.querySelectorAll('[name]')) {
    if (control.closest('[hidden]') || control.disabled || control.type === 'file') continue;
    let value;
    if (control.type === 'checkbox') value = control.checked || undefined;
    else if (control.type === 'number') value = control.value === '' ? undefined : Number(control.value);
    else value = control.value.trim() === '' ? undefined : control.value;
    if (value !== undefined) setPath(body, control.name.split('.'), value);
  }
  return body;
}

/** The files chosen in the form's file inputs. */
export function filesOf(form) {
  return [...form.querySelectorAll('input[type="file"]')].flatMap((input) => [...input.files]);
}

/** Files over the desk's limit, as the API would name them: nothing is sent while any is. */
export function oversizedFiles(files, maxBytes) {
  const megabytes = (maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  return files
    .filter((file) => file.size > maxBytes)
    .map((file) => ({ field: 'files', message: `${file.name} is larger than ${megabytes} MB` }));
}

function setPath(target, [key, ...rest], value) {
  if (rest.length === 0) target[key] = value;
  else setPath((target[key] ??= {}), rest, value);
}

/** Shows each `{field, message}` under its field; those without one in the form go to `summary`. */
export function showFieldErrors(form, errors, summary) {
  clearFieldErrors(form, summary);
  const unplaced = [];
  for (const { field: name, message } of errors) {
    const slot = fieldFor(form, name);
    if (!slot) {
      unplaced.push(`${name}: ${message}`);
      continue;
    }
    slot.classList.add('invalid');
    slot.querySelector('[name]')?.setAttribute('aria-invalid', 'true');
    slot.querySelector('.field-error').textContent = message;
  }
  if (unplaced.length)
    summary.append(
      h(
        'ul',
        { class: 'error-box', role: 'alert' },
        unplaced.map((line) => h('li', {}, line)),
      ),
    );
  form.querySelector('.invalid [name]')?.focus();
}

// `requester` errors ("required") belong to the first field inside it.
function fieldFor(form, name) {
  return (
    form.querySelector(`[data-field="${CSS.escape(name)}"]`) ??
    form.querySelector(`[data-field^="${CSS.escape(name)}."]`)
  );
}

export function clearFieldErrors(form, summary) {
  for (const slot of form.querySelectorAll('.field.invalid')) {
    slot.classList.remove('invalid');
    slot.querySelector('[name]')?.removeAttribute('aria-invalid');
    slot.querySelector('.field-error').textContent = '';
  }
  summary.replaceChildren();
}

/** Runs `submit` with the form's button disabled, so a double click sends one request. */
export async function whileSubmitting(form, submit) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await submit();
  } finally {
    button.disabled = false;
  }
}

/**
 * Sends the form's values with `send` when it is submitted, one request at a time. A refusal from the API is
 * shown field by field, or in `summary` as `explain` words it when it names no field.
 */
export function onSubmit(form, summary, send, explain = (error) => error.message) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileSubmitting(form, async () => {
      try {
        await send(valuesOf(form));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        showFieldErrors(form, error.errors, summary);
        if (error.errors.length === 0) summary.append(errorBox(explain(error)));
      }
    });
  });
}
