// Charts (uPlot: small, fast, canvas). Each chart has a text equivalent next to it on the page
// (a table or the event list), so the canvas is decorative for screen readers (aria-hidden).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 220;
const DAY = 86_400;

/** «2022-11» or «2022-11-28» → seconds since the epoch (UTC midnight of the first day). */
export function periodToTs(period: string): number {
  const [y, m, d] = period.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

function widthOf(el: HTMLElement): number {
  return Math.max(260, Math.floor(el.clientWidth || 600));
}

/** Keeps the chart as wide as its container. */
function autoSize(u: uPlot, el: HTMLElement): void {
  if (typeof ResizeObserver === 'undefined') return;
  new ResizeObserver(() => u.setSize({ width: widthOf(el), height: HEIGHT })).observe(el);
}

function utc(ts: number): Date {
  return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
}

/** X range with room around the points (a single point would otherwise fill the whole axis). */
function xRange(xs: number[], pad: number): [number, number] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return [lo - pad, hi + pad];
}

/** Bars: articles per month. */
export function barChart(
  el: HTMLElement,
  points: Array<{ period: string; count: number }>,
  label: string,
): uPlot | null {
  if (points.length === 0) return null;
  el.setAttribute('aria-hidden', 'true');
  const xs = points.map((p) => periodToTs(p.period));
  const ys = points.map((p) => p.count);
  const opts: uPlot.Options = {
    width: widthOf(el),
    height: HEIGHT,
    tzDate: utc,
    legend: { show: false },
    cursor: { y: false },
    scales: {
      x: { time: true, range: () => xRange(xs, 20 * DAY) },
      y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] },
    },
    // Counts are whole numbers: no 0.25 ticks.
    axes: [{}, { size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] }],
    series: [
      {},
      {
        label,
        fill: 'rgba(31, 111, 139, 0.55)',
        stroke: '#1f6f8b',
        paths: uPlot.paths.bars!({ size: [0.7, 36] }),
        points: { show: false },
      },
    ],
  };
  const u = new uPlot(opts, [xs, ys], el);
  autoSize(u, el);
  return u;
}

/**
 * The cooperation–conflict line: the mean Goldstein score per period on a fixed −10…+10 axis with
 * the zero line drawn; clicking near a point calls `onSelect` with its index.
 */
export function goldsteinChart(
  el: HTMLElement,
  periods: string[],
  means: Array<number | null>,
  bucket: 'day' | 'month',
  onSelect: (i: number) => void,
): uPlot | null {
  if (periods.length === 0) return null;
  el.setAttribute('aria-hidden', 'true');
  const xs = periods.map(periodToTs);
  const opts: uPlot.Options = {
    width: widthOf(el),
    height: HEIGHT,
    tzDate: utc,
    legend: { show: false },
    cursor: { y: false, points: { size: 12 } },
    scales: { x: { time: true, range: () => xRange(xs, (bucket === 'day' ? 2 : 20) * DAY) }, y: { range: [-10, 10] } },
    axes: [{}, { size: 40, splits: () => [-10, -5, 0, 5, 10] }],
    series: [
      {},
      {
        label: 'Goldstein',
        stroke: '#555',
        width: 1.5,
        spanGaps: true,
        points: {
          show: true,
          size: 10,
          fill: '#888',
        },
      },
    ],
    hooks: {
      draw: [
        (u: uPlot) => {
          const ctx = u.ctx;
          const y0 = u.valToPos(0, 'y', true);
          ctx.save();
          ctx.strokeStyle = '#999';
          ctx.setLineDash([4, 4]);
          ctx.beginPath();
          ctx.moveTo(u.bbox.left, y0);
          ctx.lineTo(u.bbox.left + u.bbox.width, y0);
          ctx.stroke();
          ctx.setLineDash([]);
          // Points coloured by sign: cooperation green, conflict red.
          means.forEach((m, i) => {
            if (m === null) return;
            const x = u.valToPos(xs[i], 'x', true);
            const y = u.valToPos(m, 'y', true);
            ctx.fillStyle = m > 0 ? '#1b7f3b' : m < 0 ? '#b3261e' : '#666';
            ctx.beginPath();
            ctx.arc(x, y, 6 * devicePixelRatio, 0, 2 * Math.PI);
            ctx.fill();
          });
          ctx.restore();
        },
      ],
    },
  };
  const u = new uPlot(opts, [xs, means], el);
  u.over.addEventListener('click', () => {
    const i = u.cursor.idx;
    if (i !== null && i !== undefined) onSelect(i);
  });
  autoSize(u, el);
  return u;
}
