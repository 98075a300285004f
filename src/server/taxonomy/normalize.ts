import "server-only";

/**
 * The form labels are matched in: NFC, lower-case, trimmed, inner whitespace folded to one space.
 * NFC (not NFKD) so that æ, ø and å stay single letters instead of losing their marks.
 */
export function normalizeLabel(label: string): string {
  return label.normalize("NFC").toLowerCase().trim().replace(/\s+/g, " ");
}

/** A label as shown: control characters as spaces, trimmed, inner whitespace folded, case kept. */
export function cleanLabel(label: string): string {
  return label.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, " ").trim().replace(/\s+/g, " ");
}
