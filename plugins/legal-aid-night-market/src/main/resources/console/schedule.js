// The night market's schedule and figures: sessions with the lawyer on duty, and the consultations
// month by month (Chart.js, with the same numbers as a table).
const TEXT = {
  'zh-CN': {
    market: '夜市', all: '全部夜市', schedule: '近期场次', figures: '每月咨询',
    date: '日期', time: '时间', status: '状态', duty: '值班律师', consultations: '咨询数', noDuty: '未排班',
    planned: '计划', open: '开市中', closed: '已结束', cancelled: '已取消',
    month: '月份', total: '合计', settled: '当场化解', share: '当场化解率', overdue: '逾期回访',
    noSessions: '这段时间没有场次。',
    chart: '{from} 至 {to} 每月咨询数，共 {total} 次',
    payment_dispute: '货款纠纷', loan_dispute: '借款纠纷', neighbour_friction: '邻里纠纷', consumer: '消费纠纷',
    labour: '劳动纠纷', family: '婚姻家庭', tenancy: '租赁纠纷', other: '其他',
  },
  en: {
    market: 'Market', all: 'All markets', schedule: 'Sessions', figures: 'Consultations by month',
    date: 'Date', time: 'Time', status: 'Status', duty: 'Lawyer on duty', consultations: 'Consultations', noDuty: 'nobody yet',
    planned: 'Planned', open: 'Open', closed: 'Closed', cancelled: 'Cancelled',
    month: 'Month', total: 'Total', settled: 'Settled on the spot', share: 'Share settled on the spot', overdue: 'Follow-ups overdue',
    noSessions: 'No sessions in this period.',
    chart: 'Consultations per month from {from} to {to}, {total} in all',
    payment_dispute: 'Payment disputes', loan_dispute: 'Loan disputes', neighbour_friction: 'Between neighbours', consumer: 'Consumer',
    labour: 'Labour', family: 'Family', tenancy: 'Tenancy', other: 'Other',
  },
};

const CATEGORIES = ['payment_dispute', 'loan_dispute', 'neighbour_friction', 'consumer', 'labour', 'family', 'tenancy', 'other'];
const COLOURS = ['#b3261e', '#0b57d0', '#1a7f37', '#bf8700', '#8250df', '#cf222e', '#1b7c83', '#6e7781'];

function iso(date) {
  return date.toISOString().slice(0, 10);
}

export async function mount(root, console) {
  const { h } = console;
  const t = (key, values = {}) => (TEXT[console.lang][key] ?? TEXT.en[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  console.stylesheet(new URL('./schedule.css', import.meta.url).href);
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const select = h('select', { id: 'night-market', name: 'market' }, h('option', { value: '' }, t('all')));
  const sessions = h('div', { dataset: { role: 'sessions' } });
  const canvasBox = h('div', { class: 'chart-box' });
  const figures = h('div', { dataset: { role: 'figures' } });
  root.append(problem,
    h('form', { class: 'inline', role: 'search' }, h('label', { for: 'night-market' }, t('market')), select),
    h('section', { class: 'panel' }, h('h2', {}, t('schedule')), sessions),
    h('section', { class: 'panel' }, h('h2', {}, t('figures')), canvasBox, figures));

  let Chart;
  try {
    const markets = await console.api('/markets?size=100');
    for (const market of markets.items) select.append(h('option', { value: market.id }, market.name));
    Chart = await console.library('chart.js');
  } catch (failure) {
    console.showProblem(problem, failure);
    return null;
  }
  let chart = null;

  async function load() {
    const market = select.value ? `&market=${select.value}` : '';
    const today = new Date();
    const from = new Date(today.getTime() - 14 * 86400000);
    const to = new Date(today.getTime() + 30 * 86400000);
    const monthTo = iso(today).slice(0, 7);
    const start = new Date(today.getFullYear(), today.getMonth() - 5, 15);
    const monthFrom = iso(start).slice(0, 7);
    try {
      const [page, numbers] = await Promise.all([
        console.api(`/sessions?from=${iso(from)}&to=${iso(to)}&size=100${market}`),
        console.api(`/figures?from=${monthFrom}&to=${monthTo}${market}`),
      ]);
      console.clearProblem(problem);
      sessions.replaceChildren(page.items.length ? h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('date'), t('time'), t('market'), t('status'), t('duty'), t('consultations')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.items.map((s) => h('tr', { dataset: { status: s.status } },
          h('td', {}, s.date), h('td', {}, `${s.start.slice(0, 5)}–${s.end.slice(0, 5)}`), h('td', {}, s.market.name),
          h('td', {}, t(s.status), s.cancelReason ? h('small', {}, ` ${s.cancelReason}`) : null),
          h('td', {}, s.duty ? `${s.duty.lawyerName} · ${s.duty.firm}` : t('noDuty')),
          h('td', { class: 'numeric' }, s.consultations)))))) : h('p', {}, t('noSessions')));

      const labels = numbers.months.map((m) => m.month);
      const datasets = CATEGORIES.map((category, i) => ({
        label: t(category), data: numbers.months.map((m) => m.byCategory[category] || 0), backgroundColor: COLOURS[i],
      }));
      const summary = t('chart', { from: numbers.from, to: numbers.to, total: numbers.total.consultations });
      if (chart) chart.destroy();
      const canvas = h('canvas', { role: 'img', 'aria-label': summary, dataset: { role: 'figures-chart' } });
      canvasBox.replaceChildren(canvas);
      chart = new Chart(canvas, {
        type: 'bar',
        data: { labels, datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
      });
      const share = numbers.total.shareSettledOnTheSpot;
      figures.replaceChildren(h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('month'), t('consultations'), t('settled'), t('overdue')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, numbers.months.map((m) => h('tr', {}, h('td', {}, m.month), h('td', { class: 'numeric' }, m.consultations),
          h('td', { class: 'numeric' }, m.settledOnTheSpot), h('td', { class: 'numeric' }, m.followUpsOverdue)))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('total')), h('td', { class: 'numeric', dataset: { role: 'total' } }, numbers.total.consultations),
          h('td', { class: 'numeric' }, `${numbers.total.settledOnTheSpot}${share != null ? ` (${console.formatNumber(share, { style: 'percent' })})` : ''}`),
          h('td', { class: 'numeric' }, numbers.total.followUpsOverdue))))));
    } catch (failure) {
      console.showProblem(problem, failure);
    }
  }
  select.addEventListener('change', load);
  await load();
  return () => chart && chart.destroy();
}
