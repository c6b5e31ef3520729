import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { h, clear, uid, add } from '../dom.js';
import { showProblem, clearProblem, announce } from '../app.js';

const NUMBERS = new Set(['integer', 'long', 'short', 'byte', 'double', 'float']);

/**
 * A form per configuration the module designates, generated from its Metatype: the right control
 * for each type, ranges, options and required marks. The platform checks every value; its problem
 * detail shows above the form and each field's message beside the field, and nothing changes.
 */
export async function settingsSection(moduleId, onSaved = () => {}) {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'settings-title', id: 'settings' },
    h('h2', { id: 'settings-title' }, t('settings')));
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  section.append(problem);
  try {
    const view = await api(`/api/admin/modules/${encodeURIComponent(moduleId)}/config?lang=${language()}`);
    if (!view.configurations.length) section.append(h('p', {}, t('noSettings')));
    for (const configuration of view.configurations) section.append(form(moduleId, configuration, onSaved));
  } catch (failure) {
    showProblem(problem, failure);
  }
  return section;
}

function form(moduleId, configuration, onSaved) {
  const element = h('form', { class: 'settings', novalidate: true, dataset: { pid: configuration.pid } });
  render(element, moduleId, configuration, onSaved);
  return element;
}

function render(element, moduleId, configuration, onSaved, message) {
  clear(element);
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true, dataset: { role: 'form-problem' } });
  const status = h('p', { class: 'saved', role: 'status', dataset: { role: 'form-status' } }, message || '');
  const fields = configuration.settings.map((setting) => field(configuration.pid, setting));
  const save = h('button', { type: 'submit', dataset: { action: 'save' } }, t('save'));
  add(element,
    h('h3', {}, configuration.name || configuration.pid),
    configuration.description ? h('p', { class: 'intro' }, configuration.description) : null,
    problem,
    fields.map((f) => f.element),
    h('div', { class: 'actions' }, save, status));
  element.onsubmit = async (event) => {
    event.preventDefault();
    clearProblem(problem);
    status.textContent = '';
    fields.forEach((f) => f.clearError());
    const changes = {};
    for (const f of fields) {
      if (f.changed()) changes[f.id] = f.value();
    }
    if (!Object.keys(changes).length) {
      status.textContent = t('nothingChanged');
      return;
    }
    save.disabled = true;
    try {
      const updated = await api(`/api/admin/modules/${encodeURIComponent(moduleId)}/config/${encodeURIComponent(configuration.pid)}?lang=${language()}`,
        { method: 'PUT', body: changes });
      render(element, moduleId, updated, onSaved, t('saved'));
      announce(t('saved'));
      element.querySelector('[data-action="save"]').focus();
      await onSaved();
    } catch (failure) {
      save.disabled = false;
      showProblem(problem, failure);
      let first = null;
      for (const error of failure.errors) {
        const f = fields.find((candidate) => candidate.id === error.field);
        if (f) {
          f.showError(error.message);
          first = first || f;
        }
      }
      (first ? first.input : problem).focus?.();
    }
  };
}

function shown(setting) {
  const value = setting.value ?? (setting.cardinality === 0 ? setting.defaults[0] ?? '' : setting.defaults);
  return value;
}

function field(pid, setting) {
  const id = uid(`setting-${setting.id}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const multiple = setting.cardinality !== 0;
  const initial = shown(setting);
  let input;
  if (setting.type === 'boolean' && !multiple) {
    input = h('input', { type: 'checkbox', id, name: setting.id });
    input.checked = String(initial) === 'true';
  } else if (setting.options.length && !multiple) {
    input = h('select', { id, name: setting.id },
      setting.required ? null : h('option', { value: '' }, '—'),
      setting.options.map((option) => h('option', { value: option.value }, option.label)));
    input.value = String(initial ?? '');
  } else if (multiple) {
    input = h('textarea', { id, name: setting.id, rows: Math.min(8, Math.max(3, (initial || []).length + 1)) });
    input.value = (initial || []).join('\n');
  } else if (setting.type === 'password') {
    input = h('input', { type: 'password', id, name: setting.id, autocomplete: 'new-password', placeholder: t('passwordUnchanged') });
  } else if (NUMBERS.has(setting.type)) {
    const whole = setting.type !== 'double' && setting.type !== 'float';
    input = h('input', { type: 'text', inputmode: whole ? 'numeric' : 'decimal', id, name: setting.id });
    input.value = String(initial ?? '');
  } else {
    input = h('input', { type: 'text', id, name: setting.id });
    input.value = String(initial ?? '');
  }
  input.setAttribute('aria-describedby', `${hintId} ${errorId}`);
  if (setting.required) input.setAttribute('aria-required', 'true');
  const start = read();

  function read() {
    if (input.type === 'checkbox') return input.checked ? 'true' : 'false';
    if (multiple) return input.value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    return input.value;
  }

  const hints = [];
  if (setting.description) hints.push(setting.description);
  const range = [setting.min != null ? t('atLeast', { min: setting.min }) : null, setting.max != null ? t('atMost', { max: setting.max }) : null]
    .filter(Boolean).join(', ');
  if (range) hints.push(t('range', { range }));
  if (multiple) hints.push(t('onePerLine'));
  if (multiple && setting.defaults.length > 3) hints.push(t('defaultCount', { count: setting.defaults.length }));
  else if (setting.defaults.some((value) => value !== '') && setting.type !== 'password') hints.push(t('defaultValue', { value: setting.defaults.join(multiple ? ' · ' : ', ') }));
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const label = h('label', { for: id }, setting.name || setting.id, setting.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const element = h('div', { class: `field${input.type === 'checkbox' ? ' check' : ''}`, dataset: { setting: setting.id } },
    label, input, h('p', { class: 'hint', id: hintId }, hints.join(' · ')), error);

  return {
    id: setting.id,
    input,
    element,
    changed: () => JSON.stringify(read()) !== JSON.stringify(start) || (setting.type === 'password' && input.value !== ''),
    // an emptied list goes back to the default
    value: () => (multiple && read().length === 0 ? null : read()),
    showError(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
    },
    clearError() {
      error.textContent = '';
      error.hidden = true;
      input.removeAttribute('aria-invalid');
    },
  };
}
