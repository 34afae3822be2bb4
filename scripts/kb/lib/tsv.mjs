// Curated KB inputs are TSV: '#' lines are comments, the first other line names the columns,
// list-valued cells separate items with '|', an empty cell means "absent".
import fs from 'node:fs';

/** Reads a TSV file into an array of {column: string} records (empty cells omitted). */
export function readTsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let header = null;
  const rows = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      return;
    }
    if (cells.length > header.length) throw new Error(`${file}:${i + 1}: ${cells.length} cells, header has ${header.length}`);
    const row = { _line: i + 1 };
    header.forEach((col, j) => {
      const v = (cells[j] ?? '').trim();
      if (v) row[col] = v;
    });
    rows.push(row);
  });
  return rows;
}

/** Splits a list cell on '|', trimming and dropping empties. */
export function list(cell) {
  return cell ? cell.split('|').map((s) => s.trim()).filter(Boolean) : [];
}

const TAGS = { 'ar=': 'aliases_ar', 'en=': 'aliases_en', 'cc=': 'country', 'for=': 'standsFor', 'adj=': 'adjectives_ar' };
const POSITIONAL = ['id', 'type', 'subtype', 'en', 'ar'];

/**
 * Reads a curated entry file: tab-separated, five positional cells (id, type, subtype, en, ar;
 * '-' = not given, which for rows refining a generated entry means "keep") followed by tagged
 * cells in any order: ar=aliases|… en=aliases|… cc=ISO2 adj=nisba|… for=standsFor-id.
 * Tagged cells keep hand-written rows readable where most optional fields are empty. A cell
 * starting with '#' ends the row (a note for reviewers).
 */
export function readEntryRows(file) {
  const rows = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split('\t').map((c) => c.trim());
    const row = { _line: i + 1 };
    POSITIONAL.forEach((k, j) => {
      const v = cells[j];
      if (v && v !== '-') row[k] = v;
    });
    for (const cell of cells.slice(POSITIONAL.length)) {
      if (!cell) continue;
      if (cell.startsWith('#')) break; // a trailing note for reviewers
      const tag = Object.keys(TAGS).find((t) => cell.startsWith(t));
      if (!tag) throw new Error(`${file}:${i + 1}: untagged cell "${cell}"`);
      const key = TAGS[tag];
      if (row[key]) throw new Error(`${file}:${i + 1}: ${tag} given twice`);
      row[key] = cell.slice(tag.length).trim();
    }
    if (!row.id) throw new Error(`${file}:${i + 1}: no id`);
    rows.push(row);
  });
  return rows;
}
