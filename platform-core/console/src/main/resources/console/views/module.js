import { api } from '../api.js';
import { t, pick } from '../i18n.js';
import { h, clear, add } from '../dom.js';
import { state, showProblem } from '../app.js';
import { toggleButtons } from './toggle.js';
import { facts, badge, reason } from './modules.js';
import { settingsSection } from './settings.js';
import { historySection } from './audit.js';

/** One module: its state and why it failed, the toggle, its settings form and its history. */
export async function moduleView(main, id) {
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true, id: 'module-problem' });
  const top = h('section', { class: 'panel', id: 'module', dataset: { module: id } });
  main.append(h('p', {}, h('a', { href: '#/modules' }, `← ${t('back')}`)), top);

  async function refresh(focus) {
    let modules;
    try {
      modules = await api('/api/admin/modules');
    } catch (failure) {
      clear(top).append(h('h1', { tabindex: '-1' }, id), problem);
      showProblem(problem, failure);
      return;
    }
    const module = modules.find((m) => m.id === id);
    clear(top);
    if (!module) {
      top.append(h('h1', { tabindex: '-1' }, id), problem);
      showProblem(problem, { detail: `There is no module '${id}'.` });
      return;
    }
    const pages = state.pages.filter((page) => page.module === id);
    top.dataset.state = module.state;
    add(top,
      h('header', {}, h('h1', { tabindex: '-1' }, pick(module.name, id)), badge(module)),
      h('p', { class: 'description' }, pick(module.description)),
      facts(module, modules),
      reason(module),
      h('div', { class: 'actions' }, toggleButtons(module, modules, problem, async () => {
        await refresh(true);
        await reloadHistory();
      }), pages.map((page) => h('a', { class: 'button quiet', href: `#/pages/${page.module}/${page.id}` }, pick(page.title, page.id)))),
      problem);
    if (focus) top.querySelector('.actions button')?.focus();
  }

  let history = h('section', {});
  async function reloadHistory() {
    const fresh = await historySection(id);
    history.replaceWith(fresh);
    history = fresh;
  }

  await refresh(false);
  const settings = await settingsSection(id, reloadHistory);
  main.append(settings, history);
  await reloadHistory();
}
