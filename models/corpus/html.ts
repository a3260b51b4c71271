// The single-file page every family renders into: doctype, head with the theme's
// variables and the family's CSS, the body, and one inline script at the end.
import { themeVars, type Theme } from "./theme.ts";

export interface PageParts {
  title: string;
  theme: Theme;
  css: string;
  body: string;
  script: string;
}

export function page(p: PageParts): string {
  const base = `*{box-sizing:border-box}
body{margin:0;font-family:${p.theme.font};background:var(--bg);color:var(--text)}
button{font:inherit;cursor:pointer}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<style>
${themeVars(p.theme)}
${base}
${p.css.trim()}
</style>
</head>
<body>
${p.body.trim()}
<script>
${p.script.trim()}
</script>
</body>
</html>
`;
}

/** Escape text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A JavaScript string literal (double-quoted) for generated code. */
export function jsStr(s: string): string {
  return JSON.stringify(s);
}
