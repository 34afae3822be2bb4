// Every refused item, in a JSON Lines log (one object per reject: at, code, reason, origin, sourceId)
// and counted by code for the summary. Nothing is dropped without a line here.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RejectCode, SourceReject } from './types.js';

export class RejectLog {
  readonly path: string | null;
  readonly byCode = new Map<RejectCode, number>();
  /** The first few, for the summary on the terminal. */
  readonly examples: SourceReject[] = [];
  private buffer: string[] = [];
  total = 0;

  constructor(
    path: string | null,
    private readonly keepExamples = 10,
  ) {
    this.path = path;
    if (path) mkdirSync(dirname(path), { recursive: true });
  }

  add(r: SourceReject): void {
    this.total++;
    this.byCode.set(r.code, (this.byCode.get(r.code) ?? 0) + 1);
    if (this.examples.length < this.keepExamples) this.examples.push(r);
    if (this.path) {
      this.buffer.push(
        JSON.stringify({
          at: new Date().toISOString(),
          code: r.code,
          reason: r.reason,
          origin: r.origin,
          sourceId: r.sourceId,
        }) + '\n',
      );
      if (this.buffer.length >= 100) this.flush();
    }
  }

  flush(): void {
    if (this.path && this.buffer.length) {
      appendFileSync(this.path, this.buffer.join(''));
      this.buffer = [];
    }
  }
}
