import "server-only";
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import type { z } from "zod";

/** A row that was rejected, or (`imported: true`) a row imported with a warning. */
export type RowProblem = { file: string; line: number; message: string; imported?: boolean };

export type CsvRow<T> = { row: T; line: number };

/**
 * Streams one CSV file (RFC 4180, header row, quoted multi-line fields) and yields the rows that
 * pass `schema`; rows that fail go to `onProblem` with the line they start on, and reading goes on.
 * `onBytes` reports how far into the file the reader is (for a progress bar).
 */
export async function* readCsv<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  opts: { requiredColumns: readonly string[]; onProblem: (problem: RowProblem) => void; onBytes?: (bytes: number) => void },
): AsyncGenerator<CsvRow<z.infer<S>>> {
  const stream = createReadStream(path);
  const parser = stream.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const missing = opts.requiredColumns.filter((c) => !header.includes(c));
        if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(", ")} in the header`);
        return header;
      },
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  stream.on("error", (error) => parser.destroy(error));
  let previousEnd = 1;
  let previousEmpty = 0;
  let count = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; empty_lines: number } }>) {
      // info.lines is where the record ends; it starts after the previous one and any skipped blank lines.
      const line = previousEnd + 1 + (item.info.empty_lines - previousEmpty);
      previousEnd = item.info.lines;
      previousEmpty = item.info.empty_lines;
      if (++count % 2000 === 0) opts.onBytes?.(stream.bytesRead);
      const parsed = schema.safeParse(item.record);
      if (parsed.success) {
        yield { row: parsed.data, line };
      } else {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        opts.onProblem({ file, line, message: `${where}${issue?.message ?? "invalid row"}` });
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.startsWith(file) ? message : `${file}: ${message}`, { cause: error });
  } finally {
    stream.destroy();
  }
  opts.onBytes?.(stream.bytesRead);
}
