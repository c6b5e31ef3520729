// The console's shared state and the few services every view uses.
import { api, setCsrfToken } from './api.js';
import { t } from './i18n.js';
import { h, clear } from './dom.js';

export const state = {
  /** The signed-in session: {username, roles, csrfToken, expiresAt}, or null. */
  session: null,
  /** The console pages of the enabled modules this user may see. */
  pages: [],
  /** The city this platform is the bundle of ({id, name, title, colours, logo}), or null: then the console is unbranded. */
  city: null,
};

/** Set by console.js: renders the current route, and the sign-in view. */
export const hooks = { render: () => {}, signIn: () => {}, chrome: () => {} };

export function hasRole(role) {
  return !!state.session && (state.session.roles.includes('admin') || state.session.roles.includes(role));
}

export function isAdmin() {
  return !!state.session && state.session.roles.includes('admin');
}

export function startSession(session) {
  state.session = session;
  setCsrfToken(session ? session.csrfToken : null);
}

export function endSession() {
  state.session = null;
  state.pages = [];
  setCsrfToken(null);
  hooks.chrome();
}

/** Reloads the navigation: pages come and go with their modules. */
export async function loadPages() {
  state.pages = state.session ? await api('/api/console/pages') : [];
  hooks.chrome();
}

/**
 * Brands the console for the city whose bundle this is (its title, logo and colours, from the city's
 * profile); a platform that is no city's bundle answers 404 and the console keeps its own look.
 */
export async function loadCity() {
  try {
    state.city = await api('/api/city');
  } catch (problem) {
    state.city = null;
    return;
  }
  const colours = state.city.colours || {};
  const style = document.documentElement.style;
  if (/^#[0-9a-fA-F]{6}$/.test(colours.primary || '')) style.setProperty('--accent', colours.primary);
  if (/^#[0-9a-fA-F]{6}$/.test(colours.accent || '')) style.setProperty('--highlight', colours.accent);
}

/** Says something to screen readers (and to tests) without moving focus. */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = text;
}

/**
 * Shows the platform's problem detail in place: in the element next to what was tried. A 401
 * (the session ended) offers to sign in again.
 */
export function showProblem(element, problem) {
  clear(element);
  element.hidden = false;
  element.append(h('span', { class: 'detail' }, problem.detail || String(problem)));
  if (problem.status === 401) {
    element.append(' ', h('button', { type: 'button', class: 'link', onclick: () => hooks.signIn() }, t('signInAgain')));
  }
}

export function clearProblem(element) {
  clear(element);
  element.hidden = true;
}

/** A modal confirmation: resolves true for OK. Escape or Cancel resolve false. */
export function confirmDialog(title, intro, items, okLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  const body = clear(document.getElementById('confirm-body'));
  if (intro) body.append(h('p', {}, intro));
  if (items && items.length) body.append(h('ul', { class: 'affected' }, items.map((item) => h('li', {}, item))));
  document.getElementById('confirm-ok').textContent = okLabel || t('confirm');
  document.getElementById('confirm-cancel').textContent = t('cancel');
  dialog.returnValue = 'cancel';
  dialog.showModal();
  document.getElementById('confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

const loaded = new Map();

/** Loads one of the console's libraries (LIBRARIES in libraries.js) once, and answers its global. */
export async function library(name) {
  const { LIBRARIES } = await import('./libraries.js');
  const found = LIBRARIES[name];
  if (!found) throw new Error(`no library ${name}`);
  if (!loaded.has(name)) {
    loaded.set(name, (async () => {
      for (const href of found.styles) {
        document.head.append(h('link', { rel: 'stylesheet', href }));
      }
      for (const src of found.scripts) {
        await new Promise((resolve, reject) => {
          const script = h('script', { src });
          script.addEventListener('load', resolve);
          script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
          document.head.append(script);
        });
      }
      return window[found.global];
    })());
  }
  return loaded.get(name);
}
