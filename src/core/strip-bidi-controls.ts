/**
 * The Unicode bidi controls: LRM, RLM and ALM (U+200E, U+200F, U+061C), the embeddings and
 * overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). In a name from the PBX they can make
 * a number read backwards or text after them show out of place. ZWJ and ZWNJ (U+200D, U+200C) are
 * not among them: emoji and several scripts need them.
 */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** `text` without bidi controls, for every PBX text shown to people (the raw rows keep them). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
