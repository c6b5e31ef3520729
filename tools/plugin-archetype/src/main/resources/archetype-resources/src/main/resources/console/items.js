// The module's console page: the items, newest first, a form to add one and a button to remove each.
// The console imports this file and calls mount(root, console); see org.district.platform.api.console.
// Scripts and styles stay in files (the console allows no inline ones), every control has a label,
// and the page calls only its own module's API, with the signed-in person's session.
const TEXT = {
  'zh-CN': {
    name: '名称', description: '说明', added: '添加时间', add: '添加', remove: '删除', actions: '操作',
    newItem: '新增条目', none: '还没有条目。', count: '共 {total} 条', removed: '已删除。', saved: '已添加。',
  },
  en: {
    name: 'Name', description: 'Description', added: 'Added', add: 'Add', remove: 'Remove', actions: 'Actions',
    newItem: 'New item', none: 'No items yet.', count: '{total} items', removed: 'Removed.', saved: 'Added.',
  },
};

export async function mount(root, console) {
  const { h } = console;
  const t = (key, values = {}) => (TEXT[console.lang][key] ?? TEXT.en[key]).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  const id = (name) => `${console.module}-${name}`;

  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const list = h('div', { dataset: { role: 'items' } });
  const status = h('p', { role: 'status', dataset: { role: 'count' } });

  const formProblem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const name = h('input', { type: 'text', id: id('name'), name: 'name', required: true, maxlength: 120 });
  const description = h('textarea', { id: id('description'), name: 'description', rows: 3, maxlength: 2000 });
  const form = h('form', { class: 'panel', novalidate: true, dataset: { role: 'add' } },
    h('h2', {}, t('newItem')),
    formProblem,
    h('div', { class: 'field' }, h('label', { for: id('name') }, t('name')), name),
    h('div', { class: 'field' }, h('label', { for: id('description') }, t('description')), description),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('add'))));

  root.append(problem, status, list, form);

  async function load() {
    try {
      const page = await console.api('/items?size=200');
      console.clearProblem(problem);
      status.textContent = t('count', { total: page.total });
      list.replaceChildren(page.items.length === 0 ? h('p', {}, t('none')) : h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('name'), t('description'), t('added'), t('actions')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.items.map((item) => h('tr', { dataset: { item: item.id } },
          h('td', {}, item.name),
          h('td', {}, item.description || ''),
          h('td', {}, console.formatTime(item.createdAt)),
          h('td', {}, h('button', { type: 'button', class: 'quiet', 'aria-label': `${t('remove')} ${item.name}`, onclick: () => remove(item) }, t('remove')))))))));
    } catch (failure) {
      console.showProblem(problem, failure);
    }
  }

  async function remove(item) {
    try {
      await console.api(`/items/${item.id}`, { method: 'DELETE' });
      console.announce(t('removed'));
      await load();
    } catch (failure) {
      console.showProblem(problem, failure);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    console.clearProblem(formProblem);
    try {
      await console.api('/items', { method: 'POST', body: { name: name.value, description: description.value } });
      form.reset();
      console.announce(t('saved'));
      await load();
    } catch (failure) {
      // a problem names each field at fault: its detail says which, and why
      console.showProblem(formProblem, failure);
    }
  });

  await load();
  return null;
}
