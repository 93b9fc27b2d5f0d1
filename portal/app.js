import { api, ApiError, session } from './api.js';
import { dashboardPage } from './dashboard.js';
import { errorBox, h, labelOf, show } from './dom.js';
import { myTicketsPage } from './my-tickets.js';
import { queuePage } from './queue.js';
import { signInPage } from './sign-in.js';
import { ticketFormPage } from './ticket-form.js';
import { ticketPage } from './ticket-view.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');

// Each role's pages; the first is its home. `#/tickets/<number>` is open to every role the API lets read it.
const homes = {
  requester: [
    ['#/tickets', 'Your tickets', () => myTicketsPage(main)],
    ['#/new', 'New ticket', (context) => ticketFormPage(main, context.me)],
  ],
  agent: [['#/queue', 'Work queue', (context, params) => queuePage(main, context, params)]],
  manager: [
    ['#/dashboard', 'Dashboard', (context, params) => dashboardPage(main, context, params)],
    ['#/queue', 'Work queue', (context, params) => queuePage(main, context, params)],
  ],
};

let context;

async function start(problem) {
  context = undefined;
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

async function route() {
  if (!context) return;
  const [path, search] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(search ?? '');
  const pages = homes[context.me.role] ?? [];
  for (const link of nav.querySelectorAll('a'))
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#${path}`);
  try {
    const ticket = /^\/tickets\/([^/]+)$/.exec(path ?? '');
    const page = pages.find(([href]) => href === `#${path}`);
    if (ticket) await ticketPage(main, context, decodeURIComponent(ticket[1]));
    else if (page) await page[2](context, params);
    else if (pages.length) location.replace(pages[0][0]);
    else
      show(
        main,
        h('h1', {}, 'Nothing here for you'),
        h('p', {}, `The portal has no pages for a ${context.me.role}.`),
      );
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    show(
      main,
      errorBox(error instanceof ApiError && error.status === 404 ? 'No such ticket.' : error.message),
    );
  }
  main.focus();
}

window.addEventListener('hashchange', () => void route());
window.addEventListener('signed-in', () => void start());
window.addEventListener('signed-out', (event) => void start(event.detail ?? 'Please sign in again.'));
void start();
