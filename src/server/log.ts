import "server-only";

/**
 * The server's one logger: a line per event, `[scope] message key=value …`, with redaction.
 * Errors are reduced to their name, database error code and the first line of their message, with
 * anything after "params:" cut and e-mail addresses, phone numbers and long digit runs masked, so
 * query parameters and profile values (names, e-mails, phone numbers) never reach the log.
 */
type Level = "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | null | undefined | unknown>;

const emailRe = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g;
const phoneRe = /\+?\d[\d\s().-]{6,}\d/g;
const digitRunRe = /\d{5,}/g;

/** Masks what could identify a person in free text. */
export function redactText(text: string): string {
  return text.replace(emailRe, "[email]").replace(phoneRe, "[number]").replace(digitRunRe, "[number]");
}

/** What may be logged about an error: never its parameters, detail or cause's values. */
export function redactError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error ${typeof error}`;
  // drizzle: "Failed query: <sql>\nparams: <values>"; postgres: detail "Key (email)=(…)".
  const firstLine = (error.message.split("\n")[0] ?? "").split(/\bparams:/)[0]?.trim() ?? "";
  const cause = error.cause as { code?: unknown; name?: unknown } | undefined;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  const parts = [error.name, typeof code === "string" ? `code=${code}` : "", redactText(firstLine).slice(0, 300)];
  return parts.filter(Boolean).join(" ");
}

function format(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(redactError(value));
  if (typeof value === "string") return JSON.stringify(redactText(value));
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  return "[object]";
}

let infoStream: NodeJS.WriteStream = process.stdout;

/** For commands whose stdout is their result (the CLI's JSON): every log line goes to stderr. */
export function logToStderr(): void {
  infoStream = process.stderr;
}

function write(level: Level, scope: string, message: string, fields: Fields = {}): void {
  const extra = Object.entries(fields).map(([k, v]) => ` ${k}=${format(v)}`).join("");
  const line = `[${scope}] ${redactText(message)}${extra}`;
  if (level === "info") infoStream.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

export const log = {
  info: (scope: string, message: string, fields?: Fields) => write("info", scope, message, fields),
  warn: (scope: string, message: string, fields?: Fields) => write("warn", scope, message, fields),
  error: (scope: string, message: string, fields?: Fields) => write("error", scope, message, fields),
};

/**
 * Next.js prints uncaught server errors with console.error itself; this routes any Error among
 * console arguments through the same redaction. Installed once at server start.
 */
export function redactConsoleErrors(target: Pick<Console, "error" | "warn"> = console): void {
  for (const method of ["error", "warn"] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(...args.map((a) => (a instanceof Error ? redactError(a) : typeof a === "string" ? redactText(a) : a)));
  }
}
