/**
 * The digest of a "database unreachable" error. Next keeps an error's own `digest` when it hides
 * server errors from the browser, so the error pages can tell this case from a bug. Kept free of
 * server imports: the client error boundaries read it.
 */
export const dbUnavailableDigest = "EVNE_DB_UNAVAILABLE";
