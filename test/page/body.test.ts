// The body front door: clean text from the caller, paragraphs only, no guessing.
import { describe, it, expect } from 'vitest';
import { parseInput } from '../../src/page/index.js';

describe('plain bodies', () => {
  it('splits on blank lines and keeps single newlines inside a paragraph, verbatim', () => {
    const body = 'الفقرة الأولى\nتكملة الفقرة الأولى.\n\n  الفقرة الثانية.  \n\n\nالفقرة الثالثة.';
    const a = parseInput({ body, title: 'العنوان' });
    expect(a.input).toBe('body');
    expect(a.article.title).toBe('العنوان');
    expect(a.article.paragraphs).toEqual(['الفقرة الأولى\nتكملة الفقرة الأولى.', 'الفقرة الثانية.', 'الفقرة الثالثة.']);
    expect(a.text).toBe('العنوان\n\nالفقرة الأولى\nتكملة الفقرة الأولى.\n\nالفقرة الثانية.\n\nالفقرة الثالثة.');
    for (const b of a.blocks)
      if (b.rawStart !== null)
        expect(body.slice(b.rawStart, b.rawStart + b.end - b.start)).toBe(a.text.slice(b.start, b.end));
    expect(a.blocks[0]).toMatchObject({ kind: 'title', rawStart: null });
  });

  it('splits on single newlines when there is no blank line', () => {
    const a = parseInput({ body: 'سطر أول.\nسطر ثان.\r\nسطر ثالث.' });
    expect(a.article.paragraphs).toEqual(['سطر أول.', 'سطر ثان.', 'سطر ثالث.']);
    expect(a.article.title).toBeNull();
  });

  it('guesses no title and removes nothing', () => {
    const a = parseInput({ body: 'شارك\n\nاقرأ أيضاً:\n\nنص الخبر.' });
    expect(a.article.title).toBeNull();
    expect(a.article.paragraphs).toEqual(['شارك', 'اقرأ أيضاً:', 'نص الخبر.']);
  });

  it('still separates an opening dateline', () => {
    const a = parseInput({ body: 'الرياض - واس - أعلنت وزارة الصحة عن حملة تطعيم جديدة.\n\nوتستمر الحملة أسبوعين.' });
    expect(a.article.dateline).toMatchObject({ place: 'الرياض', agency: 'SPA', raw: 'الرياض - واس' });
    expect(a.article.paragraphs[0]).toBe('أعلنت وزارة الصحة عن حملة تطعيم جديدة.');
  });

  it('takes the date from the caller only, and estimates the reading time', () => {
    const a = parseInput({ body: 'وقع الحادث يوم الاثنين 28 نوفمبر 2022 في العاصمة.', published: '2022-11-29' });
    expect(a.article).toMatchObject({
      published: '2022-11-29',
      publishedSource: 'caller',
      reading_minutes: 1,
      readingSource: 'estimated',
    });
    expect(parseInput({ body: 'وقع الحادث يوم الاثنين 28 نوفمبر 2022 في العاصمة.' }).article.published).toBeNull();
  });
});
