import { api, ApiError, session } from './api.js';
import { dashboardPage } from './dashboard.js';
import { errorBox, h, labelOf, show } from './dom.js';
import { myTicketsPage } from './my-tickets.js';
import { queuePage } from './queue.js';
import { signInPage } from './sign-in.js';
import { ticketFormPage } from './ticket-form.js';
import { ticketPage } from './ticket-view.js';
import { whatIfPage } from './what-if.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');

// Each role's pages; the first is its home. `#/tickets/<number>` is open to every role the API lets read it.
const homes = {
  requester: [
    ['#/tickets', 'Your tickets', (context, params, view) => myTicketsPage(view)],
    ['#/new', 'New ticket', (context, params, view) => ticketFormPage(view, context.me, context.settings)],
  ],
  agent: [['#/queue', 'Work queue', (context, params, view) => queuePage(view, context, params)]],
  manager: [
    ['#/dashboard', 'Dashboard', (context, params, view) => dashboardPage(view, context, params)],
    ['#/queue', 'Work queue', (context, params, view) => queuePage(view, context, params)],
    ['#/what-if', 'What if', (context, params, view) => whatIfPage(view)],
  ],
};

let context;
let latestVisit = 0;

async function start(problem) {
  context = undefined;
  latestVisit += 1;
  show(nav);
  show(who);
  if (!session.token()) return signInPage(main, problem);
  try {
    const [me, settings] = await Promise.all([api.get('/me'), api.get('/portal/settings')]);
    context = { me, settings };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return; // the signed-out event shows sign-in
    throw error;
  }
  const pages = homes[context.me.role] ?? [];
  show(
    nav,
    pages.map(([href, label]) => h('a', { href }, label)),
  );
  show(
    who,
    h('span', { class: 'person' }, context.me.name, ' · ', labelOf(context.me.agentKind ?? context.me.role)),
    h('button', { type: 'button', class: 'link', onclick: () => signOut() }, 'Sign out'),
  );
  await route();
}

function signOut() {
  session.signOut();
  void start();
}

// A page renders into a view of its own, shown only if no later visit began while it loaded: a slow
// page (the home page still loading when a ticket's link is followed) must not cover the newer one.
async function route() {
  if (!context) return;
  const visit = ++latestVisit;
  const view = h('div', { class: 'view' });
  const [path, search] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(search ?? '');
  const pages = homes[context.me.role] ?? [];
  for (const link of nav.querySelectorAll('a'))
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#${path}`);
  try {
    const ticket = /^\/tickets\/([^/]+)$/.exec(path ?? '');
    const page = pages.find(([href]) => href === `#${path}`);
    if (ticket) await ticketPage(view, context, decodeURIComponent(ticket[1]));
    else if (page) await page[2](context, params, view);
    else if (pages.length) {
      location.replace(pages[0][0]);
      return;
    } else
      show(
        view,
        h('h1', {}, 'Nothing here for you'),
        h(
          'p',
          {},
          `The portal has no pages for ${/^[aeiou]/.test(context.me.role) ? 'an' : 'a'} ${context.me.role}.`,
        ),
      );
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    show(
      view,
      errorBox(error instanceof ApiError && error.status === 404 ? 'No such ticket.' : error.message),
    );
  }
  if (visit !== latestVisit) return;
  show(main, view);
  main.focus();
}

window.addEventListener('hashchange', () => void route());
window.addEventListener('signed-in', () => void start());
window.addEventListener('signed-out', (event) => void start(event.detail ?? 'Please sign in again.'));
void start();
