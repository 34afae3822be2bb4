// Progress on stderr: a one-line bar redrawn in place on a terminal (share of input read, articles
// per second over the last seconds, ETA, rejects), plain log lines every LOG_EVERY_MS otherwise.
const BAR_WIDTH = 24;
const REDRAW_MS = 250;
export const LOG_EVERY_MS = 10_000;
/** Rate is measured over this recent window (the first minutes include the model loading). */
const RATE_WINDOW_MS = 20_000;

export type ProgressMode = 'bar' | 'log' | 'off';

export interface ProgressCounts {
  /** Articles analysed (stored, duplicate or refused by the analysis, or waiting to be written). */
  done: number;
  stored: number;
  skipped: number;
  rejected: number;
  /** Bytes of input read and total (0: unknown). */
  bytesRead: number;
  bytesTotal: number;
}

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class ProgressReporter {
  private last = 0;
  private readonly start = Date.now();
  private samples: Array<{ t: number; done: number; bytes: number }> = [];
  private drawn = false;
  private lastLine = '';

  constructor(
    readonly mode: ProgressMode,
    private readonly out: NodeJS.WritableStream & { columns?: number } = process.stderr,
  ) {}

  static auto(stream: NodeJS.WriteStream = process.stderr): ProgressMode {
    return stream.isTTY ? 'bar' : 'log';
  }

  update(c: ProgressCounts, force = false): void {
    if (this.mode === 'off') return;
    const now = Date.now();
    if (!force && now - this.last < (this.mode === 'bar' ? REDRAW_MS : LOG_EVERY_MS)) return;
    this.last = now;
    this.samples.push({ t: now, done: c.done, bytes: c.bytesRead });
    while (this.samples.length > 2 && now - this.samples[0].t > RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const dt = (now - first.t) / 1000;
    const rate = dt > 0 ? (c.done - first.done) / dt : c.done / Math.max(0.001, (now - this.start) / 1000);
    const byteRate = dt > 0 ? (c.bytesRead - first.bytes) / dt : 0;
    const frac = c.bytesTotal > 0 ? Math.min(1, c.bytesRead / c.bytesTotal) : null;
    const eta = frac !== null && byteRate > 0 ? (c.bytesTotal - c.bytesRead) / byteRate : NaN;
    const counts = `${c.done.toLocaleString('en')} analysed, ${c.stored.toLocaleString('en')} new, ${c.skipped.toLocaleString('en')} skipped, ${c.rejected} rejected`;
    const speed = `${rate.toFixed(rate < 10 ? 1 : 0)}/s`;
    if (this.mode === 'bar') {
      const filled = frac === null ? 0 : Math.round(frac * BAR_WIDTH);
      const bar =
        frac === null
          ? ''
          : `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% `;
      let line = `${bar}${counts} · ${speed} · ETA ${frac === null ? '?' : duration(eta)}`;
      const cols = this.out.columns ?? 120;
      if (line.length > cols - 1) line = line.slice(0, cols - 1);
      this.out.write(`\r\x1b[K${line}`);
      this.drawn = true;
    } else {
      if (force && counts === this.lastLine) return; // the final call repeats the last line
      this.lastLine = counts;
      const pct = frac === null ? '' : `, ${(frac * 100).toFixed(1)}% of input, ETA ${duration(eta)}`;
      this.out.write(`ingest: ${counts}; ${speed}${pct}; ${duration((now - this.start) / 1000)} elapsed\n`);
    }
  }

  /** Writes a message line without breaking the bar. */
  message(line: string): void {
    if (this.mode === 'bar' && this.drawn) {
      this.out.write(`\r\x1b[K${line}\n`);
      this.last = 0;
    } else this.out.write(line + '\n');
  }

  finish(c: ProgressCounts): void {
    if (this.mode === 'off') return;
    this.update(c, true);
    if (this.mode === 'bar') this.out.write('\n');
  }
}
