import { type AddressInfo } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { envelope: { from: string; to: string[] }; raw: string; mail: ParsedMail };

/**
 * A real SMTP server for the tests (the `smtp-server` package), on a free
 * port of 127.0.0.1: it receives what the column sends, parsed with
 * mailparser (decoded headers, text and HTML). `refuse(code)` makes it
 * answer every recipient with that code until `accept()`.
 */
export async function startSmtpServer() {
  const received: Received[] = [];
  let refusal: { code: number; message: string } | null = null;
  let held: Promise<void> | null = null;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // No TLS certificate here: nodemailer would try STARTTLS and fail on the self-signed default.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      // A slow server: the answer waits until `release()`.
      if (held) return void held.then(() => callback());
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              mail,
            });
            waiters.splice(0).forEach((w) => w());
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(code = 451, message = '4.3.0 Tạm thời không nhận thư') {
      refusal = { code, message };
    },
    accept() {
      refusal = null;
    },
    /** Holds every recipient's answer until the returned function is called. */
    hold(): () => void {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    /** Resolves once `count` messages in all have arrived (or rejects after `ms`). */
    async waitFor(count: number, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The addresses a parsed mail was sent to, lower-case. */
export function recipientsOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}

/** The links of a mail's plain text (one per "label: address" line). */
export function linksOf(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
}
