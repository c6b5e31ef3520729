import { api } from '../api.js';
import { t } from '../i18n.js';
import { h } from '../dom.js';
import { startSession, loadPages, showProblem, clearProblem, hooks } from '../app.js';

/** Sign-in with the platform's accounts: a session cookie for the console, and its CSRF token. */
export function signInView(main) {
  const problem = h('p', { class: 'problem', role: 'alert', id: 'sign-in-problem', hidden: true });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', id: 'sign-in' }, t('signIn'));
  const form = h('form', { class: 'sign-in', novalidate: true, 'aria-describedby': 'sign-in-problem' },
    h('div', { class: 'field' }, h('label', { for: 'username' }, t('username')), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('password')), password),
    problem,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(problem);
    submit.disabled = true;
    try {
      startSession(await api('/api/session', { method: 'POST', body: { username: username.value.trim(), password: password.value } }));
      await loadPages();
      await hooks.render(true);
    } catch (failure) {
      showProblem(problem, failure);
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(h('section', { class: 'panel narrow' },
    h('h1', { tabindex: '-1' }, t('signInTitle')),
    h('p', {}, t('signInIntro')),
    form));
  username.focus();
}
