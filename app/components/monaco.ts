"use client";
// Monaco from the installed monaco-editor package (never a CDN), for @monaco-editor/react.
// Client-only: import it from components loaded with next/dynamic and `ssr: false`.
// Only what the workspace uses: the editor with its features, and syntax colouring for
// HTML with its inline CSS and JavaScript (Monarch tokenizers, no language workers).
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/css/register";
import "monaco-editor/languages/definitions/html/register";
import "monaco-editor/languages/definitions/javascript/register";

self.MonacoEnvironment = {
  // Turbopack copies a package's `new Worker(new URL(...))` target instead of bundling
  // it, so the editor's worker (diffs, word ranges) runs on the main thread: Monaco falls
  // back to that when no worker can be made, and artifacts are small.
  getWorker: () => {
    throw new Error("Monaco's editor worker runs on the main thread here");
  },
};

loader.config({ monaco });

/** The editor's theme for the page's: see app/hooks/use-theme.ts. */
export function monacoTheme(theme: "light" | "dark"): string {
  return theme === "dark" ? "vs-dark" : "vs";
}
