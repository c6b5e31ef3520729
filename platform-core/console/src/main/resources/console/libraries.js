// The browser libraries the console ships, from WebJars (versions filled in by the build).
export const LIBRARIES = {
  leaflet: {
    scripts: ['/console/lib/leaflet/${leaflet.version}/dist/leaflet.js'],
    styles: ['/console/lib/leaflet/${leaflet.version}/dist/leaflet.css'],
    global: 'L',
  },
  'chart.js': {
    scripts: ['/console/lib/chart.js/${chartjs.version}/dist/chart.umd.js'],
    styles: [],
    global: 'Chart',
  },
};
