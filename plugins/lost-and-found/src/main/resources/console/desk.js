// The lost-and-found desk for its keepers: what is held (the longest-waiting first, those past the
// city's holding time marked), a form to record what is handed in, and a claim form on each item.
// Claimants are masked in the list, as the API gives them.
const TEXT = {
  'zh-CN': {
    show: '显示', all: '全部', held: '保管中', claimed: '已认领', due: '超过保管期', filter: '筛选',
    description: '物品描述', category: '类别', place: '拾获地点', desk: '存放地点', foundAt: '拾获时间', status: '状态', claimant: '认领人',
    record: '登记拾获物品', save: '登记', claim: '认领', name: '认领人姓名', phone: '联系电话', handOver: '确认交还',
    none: '没有符合条件的物品。', count: '第 {page} 页，共 {total} 件', previous: '上一页', next: '下一页',
    recorded: '已登记。', handedOver: '已交还。', dueMark: '（超过保管期）',
  },
  en: {
    show: 'Show', all: 'All', held: 'Held', claimed: 'Claimed', due: 'Past holding time', filter: 'Filter',
    description: 'Description', category: 'Category', place: 'Found at', desk: 'Kept at', foundAt: 'Found on', status: 'Status', claimant: 'Claimant',
    record: 'Record a found item', save: 'Record', claim: 'Claim', name: "Claimant's name", phone: 'Phone', handOver: 'Hand over',
    none: 'No items match.', count: 'Page {page}, {total} items', previous: 'Previous', next: 'Next',
    recorded: 'Recorded.', handedOver: 'Handed over.', dueMark: ' (past holding time)',
  },
};

const SIZE = 20;
const FIELDS = ['description', 'category', 'place', 'desk', 'foundAt'];

export async function mount(root, console) {
  const { h } = console;
  const t = (key, values = {}) => (TEXT[console.lang][key] ?? TEXT.en[key]).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });

  let names = {};
  const show = h('select', { id: 'desk-show', name: 'show' },
    ['held', 'due', 'claimed', 'all'].map((value) => h('option', { value }, t(value))));
  const filter = h('form', { class: 'inline', role: 'search' },
    h('label', { for: 'desk-show' }, t('show')), show, h('button', { type: 'submit' }, t('filter')));
  const list = h('div', { dataset: { role: 'items' } });
  const pager = h('p', { role: 'status', class: 'pager', dataset: { role: 'pager' } });
  const previous = h('button', { type: 'button', class: 'quiet', onclick: () => load(page - 1) }, t('previous'));
  const next = h('button', { type: 'button', class: 'quiet', onclick: () => load(page + 1) }, t('next'));

  const formProblem = h('p', { class: 'problem', role: 'alert', hidden: true, dataset: { role: 'form-problem' } });
  const inputs = {
    description: h('input', { type: 'text', id: 'desk-description', name: 'description', maxlength: 200 }),
    category: h('select', { id: 'desk-category', name: 'category' }),
    place: h('input', { type: 'text', id: 'desk-place', name: 'place', maxlength: 120 }),
    desk: h('input', { type: 'text', id: 'desk-desk', name: 'desk', maxlength: 120 }),
    foundAt: h('input', { type: 'datetime-local', id: 'desk-foundAt', name: 'foundAt' }),
  };
  const errors = Object.fromEntries(FIELDS.map((f) => [f, h('p', { class: 'field-error', id: `desk-${f}-error`, hidden: true })]));
  FIELDS.forEach((f) => inputs[f].setAttribute('aria-describedby', `desk-${f}-error`));
  const form = h('form', { class: 'panel', novalidate: true, dataset: { role: 'record' } },
    h('h2', {}, t('record')), formProblem,
    FIELDS.map((f) => h('div', { class: 'field', dataset: { field: f } }, h('label', { for: `desk-${f}` }, t(f)), inputs[f], errors[f])),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('save'))));

  root.append(problem, filter, list, h('div', { class: 'actions' }, previous, next, pager), form);

  function query(to) {
    const chosen = show.value;
    const which = chosen === 'all' ? '' : chosen === 'due' ? '&due=true' : `&status=${chosen}`;
    return `/items?page=${to}&size=${SIZE}${which}`;
  }

  function claimForm(item) {
    const localProblem = h('p', { class: 'problem', role: 'alert', hidden: true });
    const name = h('input', { type: 'text', id: `claim-name-${item.id}`, name: 'name', maxlength: 60 });
    const phone = h('input', { type: 'tel', id: `claim-phone-${item.id}`, name: 'phone', maxlength: 20 });
    const claim = h('form', { class: 'inline', novalidate: true, dataset: { role: 'claim' } }, localProblem,
      h('label', { for: `claim-name-${item.id}` }, t('name')), name,
      h('label', { for: `claim-phone-${item.id}` }, t('phone')), phone,
      h('button', { type: 'submit' }, t('handOver')));
    claim.addEventListener('submit', async (event) => {
      event.preventDefault();
      console.clearProblem(localProblem);
      try {
        await console.api(`/items/${item.id}/claim`, { method: 'POST', body: { name: name.value, phone: phone.value } });
        console.announce(t('handedOver'));
        await load(page);
      } catch (failure) {
        console.showProblem(localProblem, failure);
      }
    });
    return h('details', {}, h('summary', {}, t('claim')), claim);
  }

  let page = 0;
  async function load(to) {
    try {
      const answer = await console.api(query(to));
      console.clearProblem(problem);
      page = to;
      list.replaceChildren(answer.items.length === 0 ? h('p', {}, t('none')) : h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('description'), t('category'), t('place'), t('desk'), t('foundAt'), t('status')]
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, answer.items.map((item) => h('tr', { dataset: { item: item.id } },
          h('td', {}, item.description),
          h('td', {}, names[item.category] || item.category),
          h('td', {}, item.place),
          h('td', {}, item.desk),
          h('td', {}, console.formatTime(item.foundAt)),
          h('td', {}, item.status === 'claimed'
            ? `${t('claimed')}: ${item.claimantName || ''} ${item.claimantPhone || ''}`
            : [t('held'), item.due ? t('dueMark') : '', claimForm(item)])))))));
      pager.textContent = t('count', { page: page + 1, total: answer.total });
      previous.disabled = page === 0;
      next.disabled = (page + 1) * SIZE >= answer.total;
    } catch (failure) {
      console.showProblem(problem, failure);
    }
  }

  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    console.clearProblem(formProblem);
    FIELDS.forEach((f) => {
      errors[f].hidden = true;
      inputs[f].removeAttribute('aria-invalid');
    });
    const found = inputs.foundAt.value;
    try {
      await console.api('/items', {
        method: 'POST',
        body: {
          description: inputs.description.value,
          category: inputs.category.value,
          place: inputs.place.value,
          desk: inputs.desk.value,
          foundAt: found ? new Date(found).toISOString() : null,
        },
      });
      form.reset();
      console.announce(t('recorded'));
      await load(0);
    } catch (failure) {
      console.showProblem(formProblem, failure);
      let first = null;
      for (const error of failure.errors || []) {
        if (!FIELDS.includes(error.field)) continue;
        errors[error.field].textContent = error.message;
        errors[error.field].hidden = false;
        inputs[error.field].setAttribute('aria-invalid', 'true');
        first = first || inputs[error.field];
      }
      (first || formProblem).focus?.();
    }
  });

  try {
    const categories = await console.api('/public/categories');
    names = Object.fromEntries(categories.map((c) => [c.code, console.lang === 'en' ? c.en : c.zh]));
    inputs.category.append(...categories.map((c) => h('option', { value: c.code }, names[c.code])));
  } catch (failure) {
    console.showProblem(problem, failure);
  }
  await load(0);
  return null;
}
