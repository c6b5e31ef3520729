import { api } from '../api.js';
import { t, has, formatTime } from '../i18n.js';
import { h, clear, uid } from '../dom.js';
import { showProblem } from '../app.js';

const SIZE = 20;

function describe(details) {
  const entries = Object.entries(details || {});
  if (details && 'before' in details && 'after' in details) {
    return h('span', {}, h('code', {}, details.before), ' → ', h('code', {}, details.after));
  }
  return entries.map(([key, value]) => `${key}=${value}`).join(', ');
}

/** The audit entries as a table: when, who (and from where), what, to what, and the change. */
export function auditTable(entries) {
  if (!entries.length) return h('p', { dataset: { role: 'no-history' } }, t('noHistory'));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'audit' },
    h('thead', {}, h('tr', {}, [t('when'), t('who'), t('action'), t('subject'), t('change')].map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, entries.map((entry) => h('tr', { dataset: { action: entry.action } },
      h('td', {}, h('time', { datetime: entry.at }, formatTime(entry.at))),
      h('td', {}, entry.actor, entry.address ? h('small', {}, ` ${entry.address}`) : null),
      h('td', {}, has(`action.${entry.action}`) ? t(`action.${entry.action}`) : entry.action),
      h('td', {}, entry.subject || ''),
      h('td', {}, describe(entry.details)))))));
}

/** A module's history: what it recorded and the platform's entries about it. */
export async function historySection(moduleId) {
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const section = h('section', { class: 'panel', id: 'history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('history')), problem);
  try {
    const page = await api(`/api/admin/audit?about=${encodeURIComponent(moduleId)}&size=${SIZE}`);
    section.append(auditTable(page.items));
  } catch (failure) {
    showProblem(problem, failure);
  }
  return section;
}

/** The whole audit trail, newest first, for auditors and admins. */
export async function auditView(main) {
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const filterId = uid('audit-module');
  const filter = h('input', { id: filterId, name: 'module', autocomplete: 'off' });
  const results = h('div', {});
  let page = 0;
  const pager = h('p', { class: 'pager', role: 'status' });
  const previous = h('button', { type: 'button', class: 'quiet', onclick: () => load(page - 1) }, t('previous'));
  const next = h('button', { type: 'button', class: 'quiet', onclick: () => load(page + 1) }, t('next'));
  const form = h('form', { class: 'inline', role: 'search' },
    h('label', { for: filterId }, t('module')), filter, h('button', { type: 'submit' }, t('filter')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  });
  main.append(h('h1', { tabindex: '-1' }, t('audit')), form, problem, results, h('div', { class: 'actions' }, previous, next, pager));

  async function load(to) {
    try {
      const module = filter.value.trim();
      const answer = await api(`/api/admin/audit?page=${to}&size=${SIZE}${module ? `&about=${encodeURIComponent(module)}` : ''}`);
      page = to;
      clear(results).append(auditTable(answer.items));
      pager.textContent = t('pageOf', { page: page + 1, total: answer.total });
      previous.disabled = page === 0;
      next.disabled = (page + 1) * SIZE >= answer.total;
      problem.hidden = true;
    } catch (failure) {
      showProblem(problem, failure);
    }
  }
  await load(0);
}
