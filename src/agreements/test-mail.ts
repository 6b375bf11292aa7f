// Test support: a real SMTP server (smtp-server) on a random localhost port that keeps what it
// receives, and a small MIME reader for what nodemailer sends (headers, text, attachments).

import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { SmtpSettings } from "../delivery/mailer.ts";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  /** Settings for smtpMailer: plaintext to localhost (allowed only there). */
  settings: SmtpSettings;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    settings: {
      host: "127.0.0.1",
      port,
      secure: false,
      requireTls: false,
      from: "driehoek@gemeente.example",
    },
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n(?=[ \t])/g, "").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? "" : normalized.slice(end + 2) };
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, "i").exec(value);
  return m ? (m[2] ?? m[1]) : undefined;
}

function leaves(raw: string): Part[] {
  const part = splitPart(raw);
  const type = part.headers.get("content-type") ?? "text/plain";
  if (!/^multipart\//i.test(type)) return [part];
  const boundary = param(type, "boundary");
  if (!boundary) throw new Error("multipart without boundary");
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith("--"))
    .flatMap((p) => leaves(p.replace(/^\n/, "").replace(/\n$/, "")));
}

function decode(part: Part): Buffer {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64");
  if (encoding === "quoted-printable") {
    const soft = part.body.replace(/=\n/g, "");
    return Buffer.from(
      soft.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      "latin1",
    );
  }
  return Buffer.from(part.body, "latin1");
}

/** RFC 2047 encoded words (UTF-8, B or Q) in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

export interface ParsedMail {
  subject: string;
  to: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export function parseMail(raw: string): ParsedMail {
  const top = splitPart(raw);
  const parts = leaves(raw);
  const text = parts.find(
    (p) =>
      /^text\/plain/i.test(p.headers.get("content-type") ?? "text/plain") &&
      !/^attachment/i.test(p.headers.get("content-disposition") ?? ""),
  );
  return {
    subject: decodeHeader(top.headers.get("subject") ?? ""),
    to: top.headers.get("to") ?? "",
    text: text ? decode(text).toString("utf8") : "",
    attachments: parts
      .filter((p) => /^attachment/i.test(p.headers.get("content-disposition") ?? ""))
      .map((p) => ({
        filename: param(p.headers.get("content-disposition") ?? "", "filename") ?? "",
        contentType: (p.headers.get("content-type") ?? "").split(";")[0] ?? "",
        content: decode(p),
      })),
  };
}
