// An artifact opened on its own in a new tab: a page that holds nothing but the
// same sandboxed iframe as the preview, so it runs under the same policy there.
import { buildSrcdoc, HOST_PAGE_CSP_META, SANDBOX_FLAGS } from "./sandbox.ts";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function standalonePage(artifactHtml: string, title: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${HOST_PAGE_CSP_META}
<title>${escapeHtml(title)}</title>
<style>html,body,iframe{margin:0;border:0;width:100%;height:100%;display:block}</style>
</head>
<body><iframe title="${escapeHtml(title)}" sandbox="${SANDBOX_FLAGS}" srcdoc="${escapeHtml(buildSrcdoc(artifactHtml, nonce))}"></iframe></body>
</html>
`;
}
