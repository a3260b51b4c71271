"use client";
import { useCallback, useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY } from "@/app/theme-script";

export type Theme = "light" | "dark";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const current = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** The page's theme (the `dark` class THEME_SCRIPT keeps on <html>), and choosing one. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore<Theme>(subscribe, current, () => "light");
  const choose = useCallback((t: Theme) => {
    localStorage.setItem(THEME_STORAGE_KEY, t);
    (window as unknown as { __applyTheme: () => void }).__applyTheme();
  }, []);
  return [theme, choose];
}
