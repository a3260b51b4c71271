"use client";
import { useState } from "react";
import { standalonePage } from "@/lib/standalone";

/** A file name for a conversation's artifact: "Build a timer" -> "build-a-timer.html". */
const fileName = (title: string) => `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "app"}.html`;

function blobUrl(text: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: "text/html" }));
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

/** Copy the code, download it as an .html file, or run it on its own in a new tab. */
export function ArtifactActions({ code, title }: { code: string; title: string }) {
  const [copied, setCopied] = useState(false);
  const disabled = code === "";

  async function copy() {
    await navigator.clipboard.writeText(code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  function download() {
    const a = document.createElement("a");
    a.href = blobUrl(code);
    a.download = fileName(title);
    a.click();
  }

  return (
    <>
      <button type="button" className="btn w-16 justify-center" disabled={disabled} onClick={() => void copy()} aria-label="Copy code">
        {copied ? "Copied" : "Copy"}
      </button>
      <button type="button" className="btn" disabled={disabled} onClick={download} aria-label="Download .html">
        Download
      </button>
      <button
        type="button"
        className="btn"
        disabled={disabled}
        onClick={() => window.open(blobUrl(standalonePage(code, title, crypto.randomUUID())), "_blank")}
        aria-label="Open in a new tab"
      >
        Open ↗
      </button>
    </>
  );
}
