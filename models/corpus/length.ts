// The length budget of one app. The canvas of the default model holds the request
// and the app in MAX_CANVAS tokens; before a tokenizer exists, characters stand in.
export const MAX_APP_CHARS = 4200;

/** Counts of lengths (characters, tokens) in bins of `width`, keyed "lo-hi" in ascending order. */
export function lengthHistogram(lengths: number[], width: number): Record<string, number> {
  const bins: Record<string, number> = {};
  for (const n of lengths) {
    const lo = Math.floor(n / width) * width;
    const key = `${lo}-${lo + width - 1}`;
    bins[key] = (bins[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(bins).sort((a, b) => parseInt(a[0]) - parseInt(b[0])));
}
