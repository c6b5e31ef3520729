// The console: sign-in, navigation and routing. Views live in views/, module pages in their modules.
import { api, onUnauthorized } from './api.js';
import { t, language, setLanguage, pick } from './i18n.js';
import { h, clear } from './dom.js';
import { state, hooks, isAdmin, hasRole, startSession, endSession, loadPages, loadCity, announce } from './app.js';
import { signInView } from './views/signin.js';
import { modulesView } from './views/modules.js';
import { moduleView } from './views/module.js';
import { auditView } from './views/audit.js';
import { pageView } from './views/page.js';

const main = document.getElementById('main');
let leaving = null;
let generation = 0;

function chrome() {
  document.documentElement.lang = language();
  const city = state.city ? pick(state.city.title, '') : '';
  document.title = city ? `${city} · ${t('console')}` : t('title');
  document.getElementById('brand-text').textContent = city || t('brand');
  const logo = document.getElementById('brand-logo');
  logo.hidden = !(state.city && state.city.logo);
  if (!logo.hidden && logo.getAttribute('src') !== state.city.logo) logo.setAttribute('src', state.city.logo);
  document.getElementById('skip').textContent = t('skip');
  const switcher = document.getElementById('language');
  switcher.textContent = t('switchTo');
  switcher.setAttribute('lang', language() === 'en' ? 'zh-CN' : 'en');
  switcher.setAttribute('aria-label', t('switchLabel'));
  document.getElementById('who').textContent = state.session ? t('signedInAs', { user: state.session.username }) : '';
  document.getElementById('sign-out').hidden = !state.session;
  document.getElementById('sign-out').textContent = t('signOut');
  const nav = clear(document.getElementById('nav'));
  nav.setAttribute('aria-label', t('nav'));
  nav.hidden = !state.session;
  if (!state.session) return;
  const links = [];
  if (isAdmin()) links.push(h('a', { href: '#/modules', dataset: { nav: 'modules' } }, t('modules')));
  if (hasRole('auditor')) links.push(h('a', { href: '#/audit', dataset: { nav: 'audit' } }, t('audit')));
  for (const page of state.pages) {
    links.push(h('a', { href: `#/pages/${page.module}/${page.id}`, dataset: { nav: `${page.module}/${page.id}` } }, pick(page.title, page.id)));
  }
  nav.append(h('ul', {}, links.map((link) => h('li', {}, link))));
  markCurrent();
}

function markCurrent() {
  for (const link of document.querySelectorAll('#nav a')) {
    if (location.hash.startsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function home() {
  if (isAdmin()) return '#/modules';
  if (hasRole('auditor')) return '#/audit';
  if (state.pages.length) return `#/pages/${state.pages[0].module}/${state.pages[0].id}`;
  return '#/none';
}

async function render(focus) {
  const mine = ++generation;
  if (leaving) {
    try { leaving(); } catch (ignored) { /* a page's clean-up failing must not stop the console */ }
    leaving = null;
  }
  clear(main);
  chrome();
  if (!state.session) {
    signInView(main);
    return;
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  let cleanup;
  if (parts[0] === 'modules' && parts[1] && isAdmin()) cleanup = await moduleView(main, parts[1]);
  else if (parts[0] === 'modules' && isAdmin()) cleanup = await modulesView(main);
  else if (parts[0] === 'audit' && hasRole('auditor')) cleanup = await auditView(main);
  else if (parts[0] === 'pages' && parts[1] && parts[2]) cleanup = await pageView(main, parts[1], parts[2]);
  else if (parts[0] === 'none') main.append(h('h1', { tabindex: '-1' }, t('brand')), h('p', {}, t('nothingToShow')));
  else {
    location.replace(home());
    return;
  }
  if (mine !== generation) {
    if (typeof cleanup === 'function') cleanup();
    return;
  }
  leaving = typeof cleanup === 'function' ? cleanup : null;
  markCurrent();
  if (focus) main.querySelector('h1')?.focus();
}

hooks.render = render;
hooks.chrome = chrome;
hooks.signIn = () => {
  endSession();
  render(true);
};

onUnauthorized(() => {
  // The session ended: the view keeps the problem shown in place, the chrome says signed out.
  endSession();
});

document.getElementById('language').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'zh-CN' : 'en');
  render(false).then(() => document.getElementById('language').focus());
});

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await api('/api/session', { method: 'DELETE' });
  } catch (ignored) {
    // signed out either way
  }
  endSession();
  await render(true);
  announce(t('signedOut'));
});

window.addEventListener('hashchange', () => render(true));

async function start() {
  setLanguage(language());
  await loadCity();
  try {
    startSession(await api('/api/session'));
    await loadPages();
  } catch (problem) {
    startSession(null);
  }
  await render(false);
  document.body.dataset.ready = 'true';
}

start();
