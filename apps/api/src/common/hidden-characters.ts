/**
 * Characters a person cannot see but that change what text means or how it reads: control
 * characters (C0 other than tab and line breaks, DEL, C1), bidirectional overrides, embeddings,
 * isolates and marks (a "Trojan Source" name shows 王芳 and sorts as someone else), and
 * zero-width characters (two names that look the same but are not).
 */
export const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** The first hidden character of `text` as `U+202E`, or null when there is none. */
export function firstHiddenCharacter(text: string): string | null {
  const hit = HIDDEN_CHARACTERS.exec(text);
  if (!hit) return null;
  return `U+${hit[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
