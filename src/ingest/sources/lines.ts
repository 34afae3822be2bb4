// Lines of a byte stream, without decoding the whole stream: JSONL files can be gigabytes. Splits at
// 0x0A (never part of a UTF-8 multi-byte sequence), drops a trailing CR, and refuses a line longer
// than `maxLineBytes` (reported, the reader skips to the next newline) so one broken line cannot
// exhaust memory.

export type LineEvent = { line: Buffer; lineNo: number } | { tooLong: number; lineNo: number };

export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<LineEvent> {
  let parts: Buffer[] = [];
  let size = 0;
  let lineNo = 0;
  let skipping = false; // inside a line already reported as too long
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      lineNo++;
      if (skipping) {
        skipping = false;
        yield { tooLong: size + nl - start, lineNo };
      } else {
        parts.push(chunk.subarray(start, nl));
        size += nl - start;
        if (size > maxLineBytes) yield { tooLong: size, lineNo };
        else yield { line: finish(parts, size), lineNo };
      }
      parts = [];
      size = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      if (skipping) size += chunk.length - start;
      else {
        parts.push(chunk.subarray(start));
        size += chunk.length - start;
        if (size > maxLineBytes) {
          skipping = true;
          parts = [];
        }
      }
    }
  }
  if (skipping) yield { tooLong: size, lineNo: lineNo + 1 };
  else if (size > 0) yield { line: finish(parts, size), lineNo: lineNo + 1 };
}

function finish(parts: Buffer[], size: number): Buffer {
  const b = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
  return b.length > 0 && b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b;
}
