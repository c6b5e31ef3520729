import { api } from '../api.js';
import { t, pick } from '../i18n.js';
import { h } from '../dom.js';
import { showProblem, clearProblem, announce, confirmDialog, loadPages } from '../app.js';

/** The module's name in the current language. */
export function nameOf(id, modules) {
  const module = modules.find((m) => m.id === id);
  return module ? pick(module.name, id) : id;
}

/** What else a change touches: enabling, the required modules not enabled; disabling, the enabled modules that need it. */
export function touched(module, modules, enable) {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const seen = new Set();
  const queue = [module.id];
  while (queue.length) {
    const id = queue.shift();
    const current = byId.get(id);
    if (!current) continue;
    for (const next of enable ? current.requires : current.requiredBy) {
      const other = byId.get(next);
      if (!other || seen.has(next) || next === module.id) continue;
      if (enable ? other.state !== 'enabled' : other.state !== 'disabled') {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

/**
 * The module's toggle buttons. One click toggles it; when that touches other modules, a
 * confirmation lists them first and the change cascades. A refusal shows the platform's detail in
 * {@code problem}, and nothing changes.
 */
export function toggleButtons(module, modules, problem, done) {
  const buttons = [];
  const make = (enable, label) => h('button', {
    type: 'button',
    class: enable ? '' : 'quiet',
    dataset: { action: enable ? 'enable' : 'disable', module: module.id },
    onclick: (event) => toggle(module, modules, enable, problem, done, event.currentTarget),
  }, label);
  if (module.state === 'enabled') buttons.push(make(false, t('disable')));
  if (module.state === 'disabled') buttons.push(make(true, t('enable')));
  if (module.state === 'failed') buttons.push(make(true, t('retry')), make(false, t('disable')));
  return buttons;
}

async function toggle(module, modules, enable, problem, done, button) {
  const name = pick(module.name, module.id);
  const others = touched(module, modules, enable);
  if (others.length) {
    const ok = await confirmDialog(t(enable ? 'confirmEnable' : 'confirmDisable', { name }), t(enable ? 'alsoEnables' : 'alsoDisables'),
      others.map((id) => nameOf(id, modules)), t(enable ? 'enable' : 'disable'));
    if (!ok) {
      button.focus();
      return;
    }
  }
  clearProblem(problem);
  button.disabled = true;
  try {
    const action = enable ? 'enable' : 'disable';
    await api(`/api/admin/modules/${encodeURIComponent(module.id)}/${action}${others.length ? '?cascade=true' : ''}`, { method: 'POST' });
    announce(t(enable ? 'enabledNow' : 'disabledNow', { name }));
    await loadPages();
    await done(module.id);
  } catch (failure) {
    button.disabled = false;
    showProblem(problem, failure);
  }
}
