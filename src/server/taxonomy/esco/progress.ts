import "server-only";

// A small progress display for command-line imports: a redrawn bar on a terminal, and a plain line
// every few seconds (and at each new phase) when stderr is a file or a CI log.
export type ProgressOptions = { stream?: NodeJS.WriteStream; width?: number; intervalMs?: number; now?: () => number };

export type Progress = {
  update: (label: string, done: number, total: number, unit?: "bytes" | "items") => void;
  done: () => void;
};

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  const width = options.width ?? 30;
  const interval = options.intervalMs ?? (tty ? 100 : 5000);
  const now = options.now ?? Date.now;
  let lastDraw = 0;
  let lastLabel = "";
  let drawn = false;

  const render = (label: string, done: number, total: number, unit: "bytes" | "items") => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
    const amount = unit === "bytes" ? `${mb(done)}/${mb(total)} MB` : `${done}/${total}`;
    if (!tty) return `${label} ${percent} (${amount})`;
    const filled = Math.round(ratio * width);
    return `${label.padEnd(14)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent} ${amount}`;
  };

  return {
    update(label, done, total, unit = "items") {
      const t = now();
      const newPhase = label !== lastLabel;
      if (!newPhase && t - lastDraw < interval) return;
      lastDraw = t;
      lastLabel = label;
      if (tty) {
        stream.write(`\r\x1b[2K${render(label, done, total, unit)}`);
        drawn = true;
      } else {
        stream.write(`${render(label, done, total, unit)}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
