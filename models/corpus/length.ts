// The length budget of one app. The canvas of the default model holds the request
// and the app in MAX_CANVAS tokens; before a tokenizer exists, characters stand in.
export const MAX_APP_CHARS = 4200;

/** Counts of apps by length in characters, in 500-character bins. */
export function lengthHistogram(texts: string[]): Record<string, number> {
  const bins: Record<string, number> = {};
  for (const t of texts) {
    const lo = Math.floor(t.length / 500) * 500;
    const key = `${lo}-${lo + 499}`;
    bins[key] = (bins[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(bins).sort((a, b) => parseInt(a[0]) - parseInt(b[0])));
}
