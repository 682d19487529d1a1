/** The bench's output: one table of figures (figure, value, budget); progress goes to stderr. */
export type Row = [figure: string, value: string, budget: string];
export const rows: Row[] = [];
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
/** Progress goes to stderr; the table is the output. */
export const progress = (text: string) => process.stderr.write(`  ${text}\n`);

/** A whole number from the environment, at least `min`. */
export function envCount(name: string, fallback: number, min = 1): number {
  return Math.max(min, Number.parseInt(process.env[name] ?? String(fallback), 10) || fallback);
}

export function printTable() {
  const header: Row = ['figure', 'value', 'budget'];
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: Row) =>
    `${r[0].padEnd(widths[0]!)}  ${r[1].padStart(widths[1]!)}  ${r[2]}`.trimEnd();
  console.log(
    `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`,
  );
}
