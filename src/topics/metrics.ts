// Classification figures shared by the training script and eval/topics.mjs: accuracy, per-label
// precision/recall/F1, macro-F1 and the confusion matrix, plus a plain-text rendering.

export interface LabelFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold examples of this label. */
  support: number;
}

export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: LabelFigures[];
  /** matrix[gold][predicted] counts, in `labels` order. */
  matrix: number[][];
  labels: string[];
}

/** Scores predicted labels against gold labels (both label slugs; an unknown prediction counts as wrong). */
export function classificationReport(
  labels: readonly string[],
  gold: readonly string[],
  predicted: readonly string[],
): ClassificationReport {
  const index = new Map(labels.map((l, i) => [l, i]));
  const L = labels.length;
  const matrix = Array.from({ length: L }, () => new Array<number>(L + 1).fill(0));
  let right = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]);
    if (g === undefined) throw new Error(`rasd topics: gold label ${gold[i]} is not in the label set`);
    const p = index.get(predicted[i]) ?? L; // column L: no prediction / unknown
    matrix[g][p]++;
    if (p === g) right++;
  }
  const perLabel = labels.map((label, c) => {
    const tp = matrix[c][c];
    const support = matrix[c].reduce((a, b) => a + b, 0);
    let predictedC = 0;
    for (let g = 0; g < L; g++) predictedC += matrix[g][c];
    const precision = predictedC ? tp / predictedC : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const withSupport = perLabel.filter((f) => f.support > 0);
  const macroF1 = withSupport.length ? withSupport.reduce((a, f) => a + f.f1, 0) / withSupport.length : 0;
  return {
    n: gold.length,
    accuracy: gold.length ? right / gold.length : 0,
    macroF1,
    perLabel,
    matrix,
    labels: [...labels],
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

/** The report as text: accuracy line, per-label table, confusion matrix (rows gold, columns predicted). */
export function formatReport(r: ClassificationReport): string {
  const w = Math.max(...r.labels.map((l) => l.length), 6);
  const lines = [`n ${r.n} · accuracy ${pct(r.accuracy).trim()}% · macro-F1 ${pct(r.macroF1).trim()}`];
  lines.push(`${'label'.padEnd(w)}     P     R    F1  support`);
  for (const f of r.perLabel)
    lines.push(
      `${f.label.padEnd(w)} ${pct(f.precision)} ${pct(f.recall)} ${pct(f.f1)}  ${String(f.support).padStart(7)}`,
    );
  const hasNone = r.matrix.some((row) => row[r.labels.length] > 0);
  const cols = hasNone ? [...r.labels, '(none)'] : r.labels;
  const cw = Math.max(...cols.map((c) => Math.min(c.length, 8)), 6);
  lines.push('confusion (rows gold, columns predicted):');
  lines.push(`${''.padEnd(w)} ${cols.map((c) => c.slice(0, 8).padStart(cw)).join(' ')}`);
  r.labels.forEach((l, g) => {
    const row = r.matrix[g].slice(0, cols.length);
    lines.push(`${l.padEnd(w)} ${row.map((v) => String(v).padStart(cw)).join(' ')}`);
  });
  return lines.join('\n');
}

/** Figures over corpus groups whose gold may accept more than one label (see corpus.ts). */
export interface GroupScores {
  /** Confusion and per-label figures, a prediction among the accepted labels counting as right. */
  report: ClassificationReport;
  /** Accuracy against the corpus's literal label (mixed feeds read as their own category). */
  strictAccuracy: number;
}

/**
 * Scores predictions (label or null for no prediction) against groups. The gold row of a right
 * prediction is the prediction itself; of a wrong one, the group's literal label.
 */
export function scoreGroups(
  labels: readonly string[],
  groups: ReadonlyArray<{ accepted: readonly string[]; label: string }>,
  predicted: ReadonlyArray<string | null>,
): GroupScores {
  const gold = groups.map((g, i) =>
    predicted[i] !== null && g.accepted.includes(predicted[i] as string) ? (predicted[i] as string) : g.label,
  );
  const report = classificationReport(
    labels,
    gold,
    predicted.map((p) => p ?? '(none)'),
  );
  const strict = groups.filter((g, i) => predicted[i] === g.label).length;
  return { report, strictAccuracy: groups.length ? strict / groups.length : 0 };
}
