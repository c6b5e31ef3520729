// The station map: the city's stations on a Leaflet map (the base map is the city's own tile server,
// or none), coloured by status, with the service circle in force and the stations in view as a list.
const TEXT = {
  'zh-CN': {
    map: '驿站地图（可用方向键移动、+/- 缩放）',
    circle: '服务圈：{minutes} 分钟骑行 · 半径 {radius} 米 · 时区 {zone}',
    summary: '视野内 {shown} 个驿站（共 {count} 个）',
    truncated: '，仅显示前 {shown} 个',
    list: '视野内的驿站',
    name: '名称', address: '地址', status: '状态', hours: '开放时间', services: '服务',
    open: '开放', temporarily_closed: '暂停开放', retired: '已撤站',
    noTiles: '未配置底图：只显示驿站位置和城市范围。',
  },
  en: {
    map: 'Station map (arrow keys move it, + and - zoom)',
    circle: 'Service circle: {minutes} min by e-bike · radius {radius} m · time zone {zone}',
    summary: '{shown} stations in view ({count} in all)',
    truncated: ', only the first {shown} shown',
    list: 'Stations in view',
    name: 'Name', address: 'Address', status: 'Status', hours: 'Opening hours', services: 'Services',
    open: 'Open', temporarily_closed: 'Temporarily closed', retired: 'Retired',
    noTiles: 'No base map configured: the map shows the stations and the city area only.',
  },
};

const COLOURS = { open: '#1a7f37', temporarily_closed: '#bf8700', retired: '#6e7781' };
const LIST_LIMIT = 50;

export async function mount(root, console) {
  const { h } = console;
  const t = (key, values = {}) => (TEXT[console.lang][key] ?? TEXT.en[key]).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  console.stylesheet(new URL('./map.css', import.meta.url).href);

  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const circle = h('p', { class: 'intro', dataset: { role: 'service-circle' } });
  const note = h('p', { class: 'hint', hidden: true }, t('noTiles'));
  const box = h('div', { class: 'station-map', id: 'station-map', tabindex: '0', role: 'region', 'aria-label': t('map') });
  const summary = h('p', { role: 'status', dataset: { role: 'summary' } });
  const rows = h('tbody', {});
  const list = h('details', { class: 'panel' }, h('summary', {}, t('list')),
    h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('name'), t('address'), t('status'), t('hours')].map((c) => h('th', { scope: 'col' }, c)))),
      rows)));
  root.append(problem, circle, note, box, summary, list);

  let settings;
  let L;
  try {
    settings = await console.api('/settings');
    L = await console.library('leaflet');
  } catch (failure) {
    console.showProblem(problem, failure);
    return null;
  }
  circle.textContent = t('circle', {
    minutes: settings.serviceMinutes,
    radius: console.formatNumber(Math.round(settings.serviceRadiusMetres)),
    zone: settings.timeZone,
  });

  const map = L.map(box, { keyboard: true, preferCanvas: false }).setView([30.66, 104.07], 12);
  if (settings.mapTiles) {
    L.tileLayer(settings.mapTiles, { attribution: settings.mapAttribution || '', maxZoom: 19 }).addTo(map);
  } else {
    note.hidden = false;
  }
  for (const area of settings.cityAreas) {
    const [south, west, north, east] = area.split(',').map(Number);
    L.rectangle([[south, west], [north, east]], { weight: 1, color: '#57606a', fill: false, interactive: false }).addTo(map);
  }
  const stations = L.layerGroup().addTo(map);

  function popup(station) {
    return h('div', { class: 'station-popup' },
      h('strong', {}, station.name), h('br'), station.address, h('br'),
      `${t(station.status)} · ${station.hours.join('; ')}`, h('br'),
      station.services.map((s) => s.name).join('、'));
  }

  async function load() {
    const bounds = map.getBounds();
    const bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((x) => x.toFixed(5)).join(',');
    try {
      const answer = await console.api(`/public/stations?bbox=${bbox}&limit=2000`);
      stations.clearLayers();
      rows.replaceChildren();
      for (const station of answer.stations) {
        const marker = L.circleMarker([station.lat, station.lon], {
          radius: 7, color: COLOURS[station.status] || '#0b57d0', weight: 2, fillOpacity: 0.6, className: `station station-${station.status}`,
        });
        marker.bindPopup(() => popup(station));
        stations.addLayer(marker);
      }
      for (const station of answer.stations.slice(0, LIST_LIMIT)) {
        rows.append(h('tr', {}, h('td', {}, station.name), h('td', {}, station.address), h('td', {}, t(station.status)), h('td', {}, station.hours.join('; '))));
      }
      summary.textContent = t('summary', { shown: answer.stations.length, count: answer.count })
        + (answer.truncated ? t('truncated', { shown: answer.stations.length }) : '');
      console.clearProblem(problem);
    } catch (failure) {
      console.showProblem(problem, failure);
    }
  }
  map.on('moveend', load);
  await load();
  return () => map.remove();
}
