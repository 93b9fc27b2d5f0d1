import { session } from './api.js';
import { errorBox, h, show } from './dom.js';

/** Signing in is pasting one's personal API token (issued by an admin); it is kept for this tab only. */
export function signInPage(main, problem) {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    placeholder: 'tf_…',
  });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-label': 'Sign in' },
    h('label', { for: 'token' }, 'Your personal API token'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    session.signIn(token);
    window.dispatchEvent(new Event('signed-in'));
  });
  show(
    main,
    h('h1', {}, 'Sign in'),
    problem && errorBox(problem),
    form,
    h(
      'p',
      { class: 'muted' },
      'Ask the service desk for a token if you have none. It is forgotten when you close this tab.',
    ),
  );
  input.focus();
}
