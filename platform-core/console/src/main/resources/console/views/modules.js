import { api } from '../api.js';
import { t, pick } from '../i18n.js';
import { h, clear, uid } from '../dom.js';
import { state, showProblem } from '../app.js';
import { toggleButtons, nameOf } from './toggle.js';

/** The city's modules as cards: names, version, state, dependencies both ways, why a failed one failed. */
export async function modulesView(main) {
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const cards = h('div', { class: 'cards', id: 'module-cards' });
  main.append(h('h1', { tabindex: '-1' }, t('modules')), h('p', { class: 'intro' }, t('modulesIntro')), problem, cards);

  async function refresh(focusModule) {
    let modules;
    try {
      modules = await api('/api/admin/modules');
    } catch (failure) {
      showProblem(problem, failure);
      return;
    }
    clear(cards);
    for (const module of modules) cards.append(card(module, modules, refresh));
    if (focusModule) cards.querySelector(`[data-module="${CSS.escape(focusModule)}"] .actions button`)?.focus();
  }
  await refresh();
}

export function facts(module, modules) {
  const list = (ids) => (ids.length ? ids.map((id) => nameOf(id, modules)).join('、') : t('none'));
  return h('dl', { class: 'facts' },
    h('div', {}, h('dt', {}, t('version')), h('dd', {}, module.version || '–')),
    h('div', {}, h('dt', {}, t('requires')), h('dd', { dataset: { role: 'requires' } }, list(module.requires))),
    h('div', {}, h('dt', {}, t('requiredBy')), h('dd', { dataset: { role: 'required-by' } }, list(module.requiredBy))));
}

export function badge(module) {
  return h('span', { class: `badge badge-${module.state}`, dataset: { role: 'state' } }, t(`state.${module.state}`));
}

export function reason(module) {
  const trouble = module.trouble && module.trouble.length
    ? h('div', { class: 'trouble', dataset: { role: 'trouble' } }, h('strong', {}, t('trouble')),
      h('ul', {}, module.trouble.map((line) => h('li', {}, line))))
    : null;
  return module.reason
    ? h('p', { class: 'reason', dataset: { role: 'reason' } }, h('strong', {}, t('reason')), ' ', h('span', {}, module.reason))
    : trouble;
}

function card(module, modules, refresh) {
  const heading = uid('module');
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const pages = state.pages.filter((page) => page.module === module.id);
  return h('article', { class: `card state-${module.state}`, 'aria-labelledby': heading, dataset: { module: module.id, state: module.state } },
    h('header', {}, h('h2', { id: heading }, h('a', { href: `#/modules/${module.id}` }, pick(module.name, module.id))), badge(module)),
    h('p', { class: 'description' }, pick(module.description)),
    facts(module, modules),
    reason(module),
    h('div', { class: 'actions' },
      toggleButtons(module, modules, problem, refresh),
      h('a', { class: 'button quiet', href: `#/modules/${module.id}` }, t('details')),
      pages.map((page) => h('a', { class: 'button quiet', href: `#/pages/${page.module}/${page.id}` }, pick(page.title, page.id)))),
    problem);
}
