// How a reliability test or a benchmark reports a figure: one line the reader sees at once, which the
// reliability runner's reporter (scripts/figures-reporter.js) also gathers into its closing table.
export type Figure = {
  scenario: string;
  figure: string;
  value: string | number;
  /** What the figure must be, in words ("= 0", "≥ 0.6×"); empty for a figure shown for context. */
  target?: string;
  ok?: boolean;
};

const cell = (text: string | number) => String(text).replaceAll('│', '|');

export function figureLine({ scenario, figure, value, target = '', ok }: Figure): string {
  const verdict = ok === undefined ? '' : ok ? 'ok' : 'MISSED';
  return ['figure', scenario, figure, value, target, verdict].map(cell).join(' │ ');
}

/** Reports a figure from inside a node:test test. */
export function reportFigure(t: { diagnostic(message: string): void }, figure: Figure): void {
  t.diagnostic(figureLine(figure));
}
