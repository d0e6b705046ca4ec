import type { Filters } from './api.js';
import { fill, h } from './dom.js';

const WINDOWS = [
  ['1h', 'Last hour'],
  ['24h', 'Last 24 h'],
  ['7d', 'Last 7 days'],
  ['28d', 'Last 28 days'],
] as const;
const DEVICES = ['mobile', 'tablet', 'desktop'];
const CONNECTIONS = ['4g', '3g', '2g', 'slow-2g', 'unknown'];

function select(name: keyof Filters, label: string, options: readonly (readonly [string, string])[], value: string) {
  const el = h('select', { attrs: { name, 'aria-label': label } });
  for (const [v, text] of options) {
    const option = h('option', { attrs: { value: v } }, text);
    option.selected = v === value;
    el.append(option);
  }
  return h('label', {}, h('span', { class: 'muted' }, label), el);
}

/** Renders the filter bar; `onChange` gets the new filters whenever a select changes. */
export function renderFilters(
  form: HTMLFormElement,
  filters: Filters,
  routes: readonly string[],
  onChange: (f: Filters) => void,
): void {
  // Keep a filtered route selectable even when the window holds no data for it.
  const routeList = filters.route && !routes.includes(filters.route) ? [filters.route, ...routes] : routes;
  fill(
    form,
    select('route', 'Route', [['', 'All routes'], ...routeList.map((r) => [r, r] as const)], filters.route),
    select('device', 'Device', [['', 'All devices'], ...DEVICES.map((d) => [d, d] as const)], filters.device),
    select(
      'connection',
      'Connection',
      [['', 'All connections'], ...CONNECTIONS.map((c) => [c, c] as const)],
      filters.connection,
    ),
    select('window', 'Window', WINDOWS, filters.window),
  );
  form.onchange = () => {
    const data = new FormData(form);
    onChange({
      route: String(data.get('route') ?? ''),
      device: String(data.get('device') ?? ''),
      connection: String(data.get('connection') ?? ''),
      window: String(data.get('window') ?? '7d'),
    });
  };
  form.onsubmit = (e) => e.preventDefault();
}
