// The conditioning text the model sees before the canvas. Training data is built
// with this same function, so what the engine asks is what the model learned.
import type { Manifest } from "./manifest.ts";

export interface Conversation {
  /** The request to answer now. */
  request: string;
  /** The current artifact when the request refines it. */
  artifact?: string;
}

export function conditioningText(template: Manifest["chatTemplate"], c: Conversation): string {
  const artifact = c.artifact ? `${template.artifact}${c.artifact}` : "";
  return `${artifact}${template.user}${c.request.trim()}${template.assistant}`;
}
