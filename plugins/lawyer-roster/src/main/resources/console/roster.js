// The lawyer roster: lawyers by specialty (phones and licence numbers masked, as the API gives them),
// and the import of the bar association's spreadsheet as CSV, tried first without writing.
const TEXT = {
  'zh-CN': {
    specialty: '专业领域', any: '全部', activeOnly: '只看在职', show: '查询',
    name: '姓名', firm: '律所', specialties: '专业', languages: '语言', availability: '值班时间', licence: '执业证号', phone: '电话',
    page: '第 {page} 页，共 {total} 名律师', previous: '上一页', next: '下一页',
    import: '导入名册（CSV）', file: 'CSV 文件（UTF-8 或 GB18030）', dryRun: '只检查，不写入', upload: '导入',
    checked: '检查通过：{rows} 行，将新增 {created} 名、更新 {updated} 名、{unchanged} 名不变；尚未写入。',
    imported: '已导入：{rows} 行，新增 {created} 名、更新 {updated} 名、{unchanged} 名不变，新建律所 {firms} 家。',
    chooseFile: '请先选择文件。',
  },
  en: {
    specialty: 'Specialty', any: 'Any', activeOnly: 'Active only', show: 'Show',
    name: 'Name', firm: 'Firm', specialties: 'Specialties', languages: 'Languages', availability: 'Availability', licence: 'Licence no.', phone: 'Phone',
    page: 'Page {page}, {total} lawyers', previous: 'Previous', next: 'Next',
    import: 'Import the roster (CSV)', file: 'CSV file (UTF-8 or GB18030)', dryRun: 'Check only, write nothing', upload: 'Import',
    checked: 'Checked: {rows} rows; {created} would be added, {updated} updated, {unchanged} unchanged. Nothing was written.',
    imported: 'Imported: {rows} rows; {created} added, {updated} updated, {unchanged} unchanged, {firms} new firms.',
    chooseFile: 'Choose a file first.',
  },
};

const SIZE = 20;

export async function mount(root, console) {
  const { h } = console;
  const t = (key, values = {}) => (TEXT[console.lang][key] ?? TEXT.en[key]).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const specialty = h('select', { id: 'roster-specialty', name: 'specialty' }, h('option', { value: '' }, t('any')));
  const active = h('input', { type: 'checkbox', id: 'roster-active', name: 'active', checked: true });
  const list = h('div', { dataset: { role: 'lawyers' } });
  const pager = h('p', { role: 'status', class: 'pager', dataset: { role: 'pager' } });
  const previous = h('button', { type: 'button', class: 'quiet', onclick: () => load(page - 1) }, t('previous'));
  const next = h('button', { type: 'button', class: 'quiet', onclick: () => load(page + 1) }, t('next'));
  const filter = h('form', { class: 'inline', role: 'search' },
    h('label', { for: 'roster-specialty' }, t('specialty')), specialty,
    h('span', { class: 'field check' }, active, h('label', { for: 'roster-active' }, t('activeOnly'))),
    h('button', { type: 'submit' }, t('show')));

  const importProblem = h('div', { class: 'problem', role: 'alert', hidden: true, dataset: { role: 'import-problem' } });
  const importResult = h('p', { class: 'saved', role: 'status', dataset: { role: 'import-result' } });
  const file = h('input', { type: 'file', id: 'roster-file', name: 'file', accept: '.csv,text/csv' });
  const dryRun = h('input', { type: 'checkbox', id: 'roster-dry-run', name: 'dryRun', checked: true });
  const upload = h('form', { class: 'panel', dataset: { role: 'import' } },
    h('h2', {}, t('import')),
    h('div', { class: 'field' }, h('label', { for: 'roster-file' }, t('file')), file),
    h('div', { class: 'field check' }, dryRun, h('label', { for: 'roster-dry-run' }, t('dryRun'))),
    importProblem,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('upload')), importResult));

  root.append(problem, filter, list, h('div', { class: 'actions' }, previous, next, pager), upload);

  let page = 0;
  let names = {};
  async function load(to) {
    const query = `?page=${to}&size=${SIZE}${specialty.value ? `&specialty=${specialty.value}` : ''}${active.checked ? '&active=true' : ''}`;
    try {
      const answer = await console.api(`/lawyers${query}`);
      console.clearProblem(problem);
      page = to;
      list.replaceChildren(h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('name'), t('firm'), t('specialties'), t('languages'), t('availability'), t('licence'), t('phone')]
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, answer.items.map((l) => h('tr', { dataset: { lawyer: l.id } },
          h('td', {}, l.name), h('td', {}, l.firm ? l.firm.name : ''), h('td', {}, l.specialties.map((s) => names[s] || s).join('、')),
          h('td', {}, l.languages.join('、')), h('td', {}, l.availability.join('; ')), h('td', {}, l.licenceNo), h('td', {}, l.phone || '')))))));
      pager.textContent = t('page', { page: page + 1, total: answer.total });
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

  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    console.clearProblem(importProblem);
    importResult.textContent = '';
    if (!file.files.length) {
      console.showProblem(importProblem, { detail: t('chooseFile') });
      return;
    }
    try {
      const report = await console.api(`/import?dryRun=${dryRun.checked}`, { method: 'POST', body: file.files[0], contentType: 'text/csv' });
      importResult.textContent = t(report.dryRun ? 'checked' : 'imported', {
        rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, firms: report.firmsCreated,
      });
      if (!report.dryRun) await load(0);
    } catch (failure) {
      console.showProblem(importProblem, failure);
      if (failure.errors && failure.errors.length) {
        importProblem.append(h('ul', {}, failure.errors.map((e) => h('li', {}, `${e.field}: ${e.message}`))));
      }
    }
  });

  try {
    const specialties = await console.api('/public/specialties');
    names = Object.fromEntries(specialties.map((s) => [s.code, console.lang === 'en' ? s.code : s.zh]));
    for (const s of specialties) specialty.append(h('option', { value: s.code }, console.lang === 'en' ? s.code : `${s.zh}（${s.code}）`));
  } catch (failure) {
    console.showProblem(problem, failure);
  }
  await load(0);
  return null;
}
