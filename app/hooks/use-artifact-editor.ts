"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Version } from "@/lib/db";

/** How long typing must pause before the preview runs the new code. */
export const PREVIEW_DELAY_MS = 500;
/** How long typing must pause before the edit is saved as a version. */
export const SAVE_DELAY_MS = 1500;

/**
 * The code in the editor, and the code the preview runs: the newest version, then
 * the person's edits (the preview follows them after a pause, and a longer pause
 * saves them as a version). An edit not yet saved is saved when the editor goes away.
 */
export function useArtifactEditor(head: Version | undefined, save: (html: string) => Promise<void>) {
  const [code, setCode] = useState(head?.html ?? "");
  const [preview, setPreview] = useState(head?.html ?? "");
  const latest = useRef(code);
  const saved = useRef(code);
  const previewTimer = useRef<number | undefined>(undefined);
  const saveTimer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Saves the edits not saved yet; resolves once they are. */
  const flush = useCallback(async () => {
    window.clearTimeout(saveTimer.current);
    if (latest.current === saved.current) return;
    saved.current = latest.current;
    await saveRef.current(latest.current);
  }, []);

  // A version made elsewhere (a generation, a restore) replaces the editor's text;
  // a version of the editor's own text (an edit it saved) changes nothing.
  useEffect(() => {
    if (!head || head.html === saved.current) return;
    window.clearTimeout(previewTimer.current);
    window.clearTimeout(saveTimer.current);
    latest.current = saved.current = head.html;
    setCode(head.html);
    setPreview(head.html);
  }, [head]);

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      window.clearTimeout(previewTimer.current);
      void flush();
    };
  }, [flush]);

  const edit = useCallback(
    (html: string) => {
      latest.current = html;
      setCode(html);
      window.clearTimeout(previewTimer.current);
      previewTimer.current = window.setTimeout(() => setPreview(html), PREVIEW_DELAY_MS);
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  return { code, preview, edit, flush };
}
