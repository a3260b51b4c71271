/** How a masked position is drawn in a frame's text (the browser imports this too). */
export const MASK_GLYPH = "\u2591";
