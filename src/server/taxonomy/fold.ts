import "server-only";

/**
 * The form search compares text in: lower case, Norwegian letters spelt as on an English keyboard
 * (æ -> ae, ø -> oe, å -> aa), other accents dropped (é -> e), punctuation as word breaks.
 * "Tømrer" and "toemrer" are then the same word.
 */
export function foldText(text: string): string {
  return fold(text, spelled);
}

/** The second form labels are indexed in: Norwegian letters without their marks (ø -> o), so "tomrer" finds "Tømrer" too. */
export function foldPlain(text: string): string {
  return fold(text, plain);
}

/** Both forms at once, for the index build: a plain ASCII label is folded once. */
export function foldBoth(text: string): [folded: string, plain: string] {
  if (ASCII.test(text)) {
    const folded = foldAscii(text);
    return [folded, folded];
  }
  return [fold(text, spelled), fold(text, plain)];
}

const ASCII = /^[\x00-\x7f]*$/;
const foldAscii = (text: string) => text.toLowerCase().replace(/[^a-z0-9+#]+/g, " ").trim();

const spelled: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", ä: "ae", ö: "oe", ü: "ue" };
const plain: Record<string, string> = { æ: "a", ø: "o", å: "a", ä: "a", ö: "o", ü: "u" };

function fold(text: string, letters: Record<string, string>): string {
  // Most labels are plain ASCII: the same result without the Unicode passes (index build time).
  if (ASCII.test(text)) return foldAscii(text);
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[æøåäöü]/g, (c) => letters[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim();
}
