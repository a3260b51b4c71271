// The visual theme axis shared by every family: palette, light or dark, typography, shape.
import type { Rng } from "./rng.ts";

export interface Theme {
  name: string;
  dark: boolean;
  bg: string;
  surface: string;
  text: string;
  muted: string;
  accent: string;
  accentText: string;
  border: string;
  font: string;
  radius: number;
}

interface Palette {
  name: string;
  light: [bg: string, surface: string, text: string, muted: string, border: string];
  dark: [bg: string, surface: string, text: string, muted: string, border: string];
  accent: string;
}

const PALETTES: readonly Palette[] = [
  { name: "blue", light: ["#f4f6fb", "#ffffff", "#1f2937", "#6b7280", "#d1d5db"], dark: ["#0f172a", "#1e293b", "#e2e8f0", "#94a3b8", "#334155"], accent: "#2563eb" },
  { name: "green", light: ["#f3f8f4", "#ffffff", "#1c2b22", "#5f7266", "#cfe0d4"], dark: ["#0d1a13", "#16261d", "#dcefe3", "#8fb09b", "#284034"], accent: "#16a34a" },
  { name: "purple", light: ["#f7f5fc", "#ffffff", "#2a2140", "#736a88", "#ddd6ee"], dark: ["#151022", "#211a33", "#ebe5f7", "#a79cc0", "#372c52"], accent: "#7c3aed" },
  { name: "orange", light: ["#fdf8f3", "#ffffff", "#3b2a1a", "#8a735c", "#eedfcf"], dark: ["#1c140d", "#2a1f15", "#f5e9dc", "#bba38a", "#45341f"], accent: "#ea580c" },
  { name: "rose", light: ["#fdf4f6", "#ffffff", "#3a1d26", "#8c6471", "#f0d3db"], dark: ["#1d0f14", "#2b1820", "#f7e4ea", "#c094a3", "#47262f"], accent: "#e11d48" },
  { name: "teal", light: ["#f2f9f9", "#ffffff", "#15302f", "#5b7776", "#cde4e3"], dark: ["#0b1b1b", "#132a2a", "#d9f0ef", "#88aeac", "#22403f"], accent: "#0d9488" },
  { name: "gray", light: ["#f5f5f5", "#ffffff", "#222222", "#666666", "#dddddd"], dark: ["#121212", "#1e1e1e", "#eeeeee", "#9a9a9a", "#333333"], accent: "#444444" },
  { name: "amber", light: ["#fffbeb", "#ffffff", "#33290f", "#857650", "#f1e3b5"], dark: ["#1a1505", "#29210b", "#f8eccb", "#bfae7f", "#463a16"], accent: "#d97706" },
];

const FONTS = [
  "system-ui, sans-serif",
  "Arial, Helvetica, sans-serif",
  "Georgia, serif",
  "'Trebuchet MS', sans-serif",
  "Verdana, sans-serif",
  "'Courier New', monospace",
] as const;

export function themeFor(palette: string, dark: boolean, font: string, radius: number): Theme {
  const p = PALETTES.find((x) => x.name === palette) ?? PALETTES[0];
  const [bg, surface, text, muted, border] = dark ? p.dark : p.light;
  const accentText = p.name === "amber" && !dark ? "#1a1505" : "#ffffff";
  return { name: `${p.name}-${dark ? "dark" : "light"}`, dark, bg, surface, text, muted, accent: p.accent, accentText, border, font, radius };
}

export function randomTheme(rng: Rng): Theme {
  return themeFor(rng.pick(PALETTES).name, rng.chance(0.35), rng.pick(FONTS), rng.pick([0, 4, 6, 8, 12]));
}

/** The same theme with light and dark swapped (the "make it dark/light" edits). */
export function withDark(t: Theme, dark: boolean): Theme {
  return themeFor(t.name.split("-")[0], dark, t.font, t.radius);
}

/** CSS custom properties for a theme; families style with var(--bg) and friends. */
export function themeVars(t: Theme): string {
  return `:root{--bg:${t.bg};--surface:${t.surface};--text:${t.text};--muted:${t.muted};--accent:${t.accent};--accent-text:${t.accentText};--border:${t.border};--radius:${t.radius}px}`;
}
