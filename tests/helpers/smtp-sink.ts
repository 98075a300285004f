import { SMTPServer } from "smtp-server";

export type SinkMessage = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on loopback for tests: it speaks the protocol, records what it accepted,
 * and can be told to refuse recipients (550) or to fail the next N messages with a 451.
 */
export async function startSmtpSink() {
  const received: SinkMessage[] = [];
  const control = { refuse: new Set<string>(), failNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (control.refuse.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (control.failNext > 0) {
          control.failNext--;
          return callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
