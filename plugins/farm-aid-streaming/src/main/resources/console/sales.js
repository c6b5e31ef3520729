// The farm-aid sales chart: a village's or co-operative's monthly sales, drawn by the module as SVG,
// with the same series as a table, and the twelve months of all villages together.
const TEXT = {
  'zh-CN': {
    village: '村/合作社', chartAlt: '{village} 每月销售额柱状图（{from} 至 {to}）',
    month: '月份', salesValue: '销售额（元）', unitsSold: '销量', sessions: '直播场次',
    allVillages: '全部村与合作社，近十二个月', employed: '带动就业（人）', total: '合计', noVillages: '还没有村或合作社。',
  },
  en: {
    village: 'Village or co-operative', chartAlt: 'Monthly sales of {village} as a bar chart ({from} to {to})',
    month: 'Month', salesValue: 'Sales (yuan)', unitsSold: 'Units sold', sessions: 'Live sessions',
    allVillages: 'All villages and co-operatives, the last twelve months', employed: 'Villagers employed', total: 'Total', noVillages: 'No villages yet.',
  },
};

export async function mount(root, console) {
  const { h } = console;
  const t = (key, values = {}) => (TEXT[console.lang][key] ?? TEXT.en[key]).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  const money = (value) => console.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const select = h('select', { id: 'farm-aid-village', name: 'village' });
  const figure = h('figure', { class: 'sales-chart' });
  const series = h('div', { dataset: { role: 'village-series' } });
  const totals = h('div', { dataset: { role: 'totals' } });
  root.append(problem,
    h('form', { class: 'inline', role: 'search' }, h('label', { for: 'farm-aid-village' }, t('village')), select),
    h('section', { class: 'panel' }, figure, series),
    h('section', { class: 'panel' }, h('h2', {}, t('allVillages')), totals));

  const table = (head, rows, foot) => h('div', { class: 'table-scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, rows), foot ? h('tfoot', {}, foot) : null));

  async function village() {
    const id = select.value;
    if (!id) return;
    try {
      const chart = await console.api(`/villages/${id}/sales-chart`);
      console.clearProblem(problem);
      figure.replaceChildren(
        h('img', { src: console.url(`/villages/${id}/sales-chart.svg`), alt: t('chartAlt', { village: chart.village, from: chart.from, to: chart.to }),
          width: 720, height: 360, dataset: { role: 'sales-chart' } }),
        h('figcaption', {}, chart.village));
      series.replaceChildren(table([t('month'), t('salesValue'), t('unitsSold'), t('sessions')],
        chart.series.map((m) => h('tr', {}, h('td', {}, m.month), h('td', { class: 'numeric' }, money(m.salesValue)),
          h('td', { class: 'numeric' }, m.unitsSold), h('td', { class: 'numeric' }, m.sessions)))));
    } catch (failure) {
      console.showProblem(problem, failure);
    }
  }

  try {
    const [villages, months] = await Promise.all([console.api('/villages?active=true&size=200'), console.api('/reports/months')]);
    if (!villages.items.length) figure.replaceChildren(h('p', {}, t('noVillages')));
    for (const v of villages.items) select.append(h('option', { value: v.id }, v.name));
    const lines = months.lines;
    const total = months.total;
    totals.replaceChildren(table([t('month'), t('salesValue'), t('unitsSold'), t('sessions'), t('employed')],
      lines.map((m) => h('tr', {}, h('td', {}, m.month), h('td', { class: 'numeric' }, money(m.salesValue)), h('td', { class: 'numeric' }, m.unitsSold),
        h('td', { class: 'numeric' }, m.sessions), h('td', { class: 'numeric' }, m.villagersEmployed ?? ''))),
      total ? h('tr', {}, h('th', { scope: 'row' }, t('total')), h('td', { class: 'numeric', dataset: { role: 'total-sales' } }, money(total.salesValue)),
        h('td', { class: 'numeric' }, total.unitsSold), h('td', { class: 'numeric' }, total.sessions), h('td', { class: 'numeric' }, total.villagersEmployed ?? '')) : null));
  } catch (failure) {
    console.showProblem(problem, failure);
    return null;
  }
  select.addEventListener('change', village);
  await village();
  return null;
}
