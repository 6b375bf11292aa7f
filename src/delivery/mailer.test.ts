import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, describe, it } from "node:test";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { MailDeliveryError, type SmtpSettings, smtpMailer, smtpSettingsFromEnv } from "./mailer.ts";

// ---------------------------------------------------------------------------------------------
// A real SMTP server on a random localhost port that records what it receives.

interface Received {
  auths: { username: string | undefined; password: string | null | undefined }[];
  mailFrom: string[];
  rcptTo: string[];
  messages: string[];
  secure: boolean[];
}

const servers: SMTPServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function startServer(
  options: SMTPServerOptions & { credentials?: { user: string; password: string } },
): Promise<{ port: number; received: Received }> {
  const received: Received = { auths: [], mailFrom: [], rcptTo: [], messages: [], secure: [] };
  const { credentials, ...serverOptions } = options;
  const server = new SMTPServer({
    logger: false,
    ...serverOptions,
    onAuth(auth, _session, callback) {
      received.auths.push({ username: auth.username, password: auth.password });
      if (credentials && auth.username === credentials.user && auth.password === credentials.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onMailFrom(address, _session, callback) {
      received.mailFrom.push(address.address);
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("onbekend@")) {
        const error = new Error("No such user here") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      received.rcptTo.push(address.address);
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.messages.push(Buffer.concat(chunks).toString("latin1"));
        received.secure.push(session.secure);
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, received };
}

// ---------------------------------------------------------------------------------------------
// A small, independent MIME reader: just enough to check what was sent.

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): MimePart {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  // Unfold (drop the line break before whitespace), then split "Name: value".
  for (const line of head.replace(/\n(?=[ \t])/g, "").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A header parameter, with RFC 2231 continuations/charset and RFC 2047 encoded-words decoded. */
function headerParam(value: string, name: string): string | undefined {
  const params = new Map<string, string>();
  for (const m of value.matchAll(/;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    const raw = m[2] ?? "";
    params.set(
      (m[1] ?? "").toLowerCase(),
      raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw,
    );
  }
  const key = name.toLowerCase();
  const simple = params.get(key);
  if (simple !== undefined) return decodeEncodedWords(simple);
  const extended = params.get(`${key}*`);
  if (extended !== undefined) return decodePercent(extended.replace(/^[^']*'[^']*'/, ""));
  // RFC 2231 continuations: name*0*, name*1, name*2*, ... ; "*" at the end means percent-encoded.
  const bytes: Buffer[] = [];
  for (let i = 0; ; i++) {
    const encoded = params.get(`${key}*${i}*`);
    const plain = params.get(`${key}*${i}`);
    if (encoded !== undefined) {
      bytes.push(decodePercentBytes(i === 0 ? encoded.replace(/^[^']*'[^']*'/, "") : encoded));
    } else if (plain !== undefined) {
      bytes.push(Buffer.from(plain, "utf8"));
    } else {
      break;
    }
  }
  return bytes.length > 0 ? Buffer.concat(bytes).toString("utf8") : undefined;
}

function decodePercentBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "%" && /^[0-9A-F]{2}$/i.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      out.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(out);
}

function decodePercent(text: string): string {
  return decodePercentBytes(text).toString("utf8");
}

/** Leaf parts of a (possibly nested) multipart message, in order. */
function leafParts(raw: string): MimePart[] {
  const part = splitPart(raw);
  const type = part.headers.get("content-type") ?? "text/plain";
  if (!/^multipart\//i.test(type)) return [part];
  const boundary = headerParam(type, "boundary");
  assert.ok(boundary, "multipart without boundary");
  const pieces = part.body.split(`--${boundary}`);
  // pieces[0] is the preamble; the piece after the closing "--boundary--" starts with "--".
  return pieces
    .slice(1)
    .filter((p) => !p.startsWith("--"))
    .flatMap((p) => leafParts(p.replace(/^\n/, "").replace(/\n$/, "")));
}

function decodeBody(part: MimePart): Buffer {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64");
  if (encoding === "quoted-printable") {
    const soft = part.body.replace(/=\n/g, "");
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const hex = soft.slice(i + 1, i + 3);
      if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(soft.charCodeAt(i));
      }
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(part.body, "latin1");
}

/** RFC 2047: =?charset?B|Q?text?= words; whitespace between adjacent words is dropped. */
function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  return joined.replace(word, (_m, charset: string, enc: string, text: string) => {
    assert.match(charset, /^utf-8$/i);
    if (enc.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
    const bytes = text
      .replace(/_/g, " ")
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  });
}

// ---------------------------------------------------------------------------------------------

const PDF = Buffer.concat([
  Buffer.from("%PDF-1.7\n"),
  Buffer.from([0, 1, 2, 250, 251, 252, 255]),
  Buffer.alloc(3000, 7),
]);
const CSV = Buffer.from("wijk;aantal\nZuidoost;12\nNoord;ë\n", "utf8");
// Long and non-ASCII: nodemailer splits it into RFC 2231 continuations.
const CSV_NAME =
  "cijfers Zuidoost én Noord — woninginbraken en overlast per buurt, week 47 (coördinatie).csv";
const SUBJECT = "Veiligheidsbeeld week 47: overlast en inbraken — Zuidoost én Noord, coördinatie";

function localSettings(port: number, extra: Partial<SmtpSettings> = {}): SmtpSettings {
  return {
    host: "127.0.0.1",
    port,
    secure: false,
    requireTls: false,
    from: "driehoek@gemeente.example",
    ...extra,
  };
}

describe("smtpMailer against a real SMTP server", () => {
  it("authenticates and sends subject, recipients and attachments intact", async () => {
    const { port, received } = await startServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      credentials: { user: "driehoek", password: "geheim-voor-test" },
    });
    const mailer = smtpMailer(localSettings(port, { user: "driehoek", password: "geheim-voor-test" }));
    try {
      const result = await mailer.send({
        from: "Driehoek <driehoek@gemeente.example>",
        to: ["burgemeester@gemeente.example", "officier@om.example"],
        subject: SUBJECT,
        text: "Bijgaand het veiligheidsbeeld van week 47.",
        html: "<p>Bijgaand het veiligheidsbeeld van week 47.</p>",
        attachments: [
          { filename: "veiligheidsbeeld-week-47.pdf", content: PDF, contentType: "application/pdf" },
          { filename: CSV_NAME, content: CSV, contentType: "text/csv; charset=utf-8" },
        ],
      });
      assert.match(result.messageId, /^<.+@.+>$/);
    } finally {
      mailer.close();
    }

    assert.deepEqual(received.auths, [{ username: "driehoek", password: "geheim-voor-test" }]);
    assert.deepEqual(received.mailFrom, ["driehoek@gemeente.example"]);
    assert.deepEqual(received.rcptTo, ["burgemeester@gemeente.example", "officier@om.example"]);
    assert.equal(received.messages.length, 1);
    const raw = received.messages[0] as string;

    // The raw headers are 7-bit; the subject is carried as RFC 2047 encoded-words.
    const top = splitPart(raw);
    const rawHead = raw.slice(0, raw.indexOf("\r\n\r\n"));
    assert.ok(
      [...rawHead].every((c) => c.charCodeAt(0) < 0x80),
      "headers must be ASCII",
    );
    const rawSubject = top.headers.get("subject") ?? "";
    assert.match(rawSubject, /=\?UTF-8\?[BQ]\?/i);
    assert.equal(decodeEncodedWords(rawSubject), SUBJECT);
    assert.match(top.headers.get("to") ?? "", /burgemeester@gemeente\.example.*officier@om\.example/);
    assert.match(top.headers.get("message-id") ?? "", /^<.+@.+>$/);

    const parts = leafParts(raw);
    const text = parts.find((p) => /^text\/plain/i.test(p.headers.get("content-type") ?? ""));
    const html = parts.find((p) => /^text\/html/i.test(p.headers.get("content-type") ?? ""));
    assert.equal(text && decodeBody(text).toString("utf8"), "Bijgaand het veiligheidsbeeld van week 47.");
    assert.equal(
      html && decodeBody(html).toString("utf8"),
      "<p>Bijgaand het veiligheidsbeeld van week 47.</p>",
    );

    const attachments = parts.filter((p) => /^attachment/i.test(p.headers.get("content-disposition") ?? ""));
    assert.equal(attachments.length, 2);
    const [pdf, csv] = attachments as [MimePart, MimePart];
    assert.equal(
      headerParam(pdf.headers.get("content-disposition") ?? "", "filename"),
      "veiligheidsbeeld-week-47.pdf",
    );
    assert.match(pdf.headers.get("content-type") ?? "", /^application\/pdf/);
    assert.equal(pdf.headers.get("content-transfer-encoding"), "base64");
    assert.ok(decodeBody(pdf).equals(PDF), "PDF bytes survive the trip");
    assert.equal(headerParam(csv.headers.get("content-disposition") ?? "", "filename"), CSV_NAME);
    assert.equal(headerParam(csv.headers.get("content-type") ?? "", "name"), CSV_NAME);
    assert.ok(decodeBody(csv).equals(CSV), "CSV bytes survive the trip");
  });

  it("uses the configured sender when the message has none", async () => {
    const { port, received } = await startServer({ authOptional: true, disabledCommands: ["STARTTLS"] });
    const mailer = smtpMailer(localSettings(port));
    try {
      await mailer.send({
        from: "",
        to: ["analist@politie.example"],
        subject: "Test",
        text: "x",
        attachments: [],
      });
    } finally {
      mailer.close();
    }
    assert.deepEqual(received.mailFrom, ["driehoek@gemeente.example"]);
  });

  it("wraps a failed login in a Dutch error that names the recipients and the SMTP response", async () => {
    const { port, received } = await startServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      credentials: { user: "driehoek", password: "geheim-voor-test" },
    });
    const mailer = smtpMailer(localSettings(port, { user: "driehoek", password: "fout" }));
    try {
      await assert.rejects(
        mailer.send({
          from: "driehoek@gemeente.example",
          to: ["burgemeester@gemeente.example", "officier@om.example"],
          subject: SUBJECT,
          text: "x",
          attachments: [{ filename: "a.pdf", content: PDF, contentType: "application/pdf" }],
        }),
        (error: unknown) => {
          assert.ok(error instanceof MailDeliveryError);
          assert.match(error.message, /^E-mail aan burgemeester@gemeente\.example, officier@om\.example /);
          assert.match(error.message, /aanmelden bij de mailserver is mislukt/);
          assert.match(error.message, /SMTP-antwoord: "535 /);
          assert.match(error.smtpResponse ?? "", /^535 /);
          assert.deepEqual(error.recipients, ["burgemeester@gemeente.example", "officier@om.example"]);
          assert.ok(!error.message.includes("fout"), "the password is not in the message");
          return true;
        },
      );
    } finally {
      mailer.close();
    }
    assert.equal(received.auths.length, 1);
    assert.equal(received.messages.length, 0);
  });

  it("reports a partial delivery instead of pretending success", async () => {
    const { port, received } = await startServer({ authOptional: true, disabledCommands: ["STARTTLS"] });
    const mailer = smtpMailer(localSettings(port));
    try {
      await assert.rejects(
        mailer.send({
          from: "driehoek@gemeente.example",
          to: ["burgemeester@gemeente.example", "onbekend@gemeente.example"],
          subject: "Test",
          text: "x",
          attachments: [],
        }),
        (error: unknown) => {
          assert.ok(error instanceof MailDeliveryError);
          assert.match(error.message, /gedeeltelijk verzonden/);
          assert.match(error.message, /geweigerd voor onbekend@gemeente\.example/);
          assert.deepEqual(error.accepted, ["burgemeester@gemeente.example"]);
          assert.deepEqual(error.rejected, ["onbekend@gemeente.example"]);
          return true;
        },
      );
      // All recipients refused: nothing is sent and the SMTP response is named.
      await assert.rejects(
        mailer.send({
          from: "",
          to: ["onbekend@gemeente.example"],
          subject: "T",
          text: "x",
          attachments: [],
        }),
        /^MailDeliveryError: E-mail aan onbekend@gemeente\.example is niet verzonden: .*SMTP-antwoord: "550 /,
      );
    } finally {
      mailer.close();
    }
    assert.equal(received.messages.length, 1);
  });

  it("refuses to send when STARTTLS is required but the server does not offer it", async () => {
    const { port, received } = await startServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      credentials: { user: "driehoek", password: "geheim-voor-test" },
    });
    const mailer = smtpMailer(
      localSettings(port, { requireTls: true, user: "driehoek", password: "geheim-voor-test" }),
    );
    try {
      await assert.rejects(
        mailer.send({
          from: "driehoek@gemeente.example",
          to: ["burgemeester@gemeente.example"],
          subject: SUBJECT,
          text: "geheim",
          attachments: [],
        }),
        (error: unknown) => {
          assert.ok(error instanceof MailDeliveryError);
          assert.match(error.message, /^E-mail aan burgemeester@gemeente\.example is niet verzonden: /);
          assert.match(error.message, /versleutelde verbinding \(TLS\)/);
          return true;
        },
      );
    } finally {
      mailer.close();
    }
    // Nothing went over the plaintext connection: no login, no envelope, no message.
    assert.deepEqual(received.auths, []);
    assert.deepEqual(received.mailFrom, []);
    assert.deepEqual(received.messages, []);
  });

  it("sends over STARTTLS and checks the server certificate by default", async () => {
    // smtp-server offers STARTTLS with its built-in self-signed certificate.
    const { port, received } = await startServer({ authOptional: true });
    const message = {
      from: "driehoek@gemeente.example",
      to: ["burgemeester@gemeente.example"],
      subject: "TLS",
      text: "x",
      attachments: [],
    };
    const verifying = smtpMailer(localSettings(port, { requireTls: true }));
    try {
      await assert.rejects(verifying.send(message), (error: unknown) => {
        assert.ok(error instanceof MailDeliveryError);
        assert.match(error.message, /verbinding met de mailserver .*certificate/);
        return true;
      });
    } finally {
      verifying.close();
    }
    assert.equal(received.messages.length, 0, "an unverified certificate stops the send");

    const trusting = smtpMailer(localSettings(port, { requireTls: true, tlsRejectUnauthorized: false }));
    try {
      await trusting.send(message);
    } finally {
      trusting.close();
    }
    assert.deepEqual(received.secure, [true]);
  });

  it("sends over implicit TLS", async () => {
    const { port, received } = await startServer({ authOptional: true, secure: true });
    const mailer = smtpMailer(localSettings(port, { secure: true, tlsRejectUnauthorized: false }));
    try {
      await mailer.send({
        from: "",
        to: ["officier@om.example"],
        subject: "TLS",
        text: "x",
        attachments: [],
      });
    } finally {
      mailer.close();
    }
    assert.deepEqual(received.secure, [true]);
  });

  it("refuses unencrypted settings for a non-local host and a message without recipients", async () => {
    assert.throws(
      () => smtpMailer({ ...localSettings(25), host: "mail.gemeente.example" }),
      /Onversleutelde verbinding met mailserver mail\.gemeente\.example geweigerd/,
    );
    const mailer = smtpMailer(localSettings(1));
    try {
      await assert.rejects(
        mailer.send({ from: "", to: [" "], subject: "x", text: "x", attachments: [] }),
        /geen ontvanger opgegeven/,
      );
    } finally {
      mailer.close();
    }
  });
});

describe("smtpSettingsFromEnv", () => {
  const base = {
    DRIEHOEK_SMTP_HOST: "mail.gemeente.example",
    DRIEHOEK_SMTP_AFZENDER: "driehoek@gemeente.example",
  };

  it("is null when no host is set", () => {
    assert.equal(smtpSettingsFromEnv({}), null);
    assert.equal(smtpSettingsFromEnv({ DRIEHOEK_SMTP_HOST: "  ", DRIEHOEK_SMTP_AFZENDER: "a@b" }), null);
  });

  it("defaults to required STARTTLS on port 587 without login", () => {
    assert.deepEqual(smtpSettingsFromEnv(base), {
      host: "mail.gemeente.example",
      port: 587,
      secure: false,
      requireTls: true,
      from: "driehoek@gemeente.example",
    });
    assert.deepEqual(smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_TLS: "STARTTLS" })?.requireTls, true);
  });

  it("reads port, login and implicit TLS (default port 465)", () => {
    assert.deepEqual(
      smtpSettingsFromEnv({
        ...base,
        DRIEHOEK_SMTP_TLS: "tls",
        DRIEHOEK_SMTP_GEBRUIKER: "driehoek",
        DRIEHOEK_SMTP_WACHTWOORD: "s3cret",
      }),
      {
        host: "mail.gemeente.example",
        port: 465,
        secure: true,
        requireTls: false,
        user: "driehoek",
        password: "s3cret",
        from: "driehoek@gemeente.example",
      },
    );
    assert.equal(
      smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_TLS: "tls", DRIEHOEK_SMTP_PORT: "2465" })?.port,
      2465,
    );
    assert.equal(smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_PORT: " 2525 " })?.port, 2525);
  });

  it('allows "geen" only for a mail server on this machine', () => {
    for (const host of ["localhost", "127.0.0.1", "::1", "[::1]", "LOCALHOST"]) {
      const settings = smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_HOST: host, DRIEHOEK_SMTP_TLS: "geen" });
      assert.equal(settings?.secure, false, host);
      assert.equal(settings?.requireTls, false, host);
      assert.equal(settings?.port, 587, host);
    }
    for (const host of ["mail.gemeente.example", "10.0.0.5", "127.0.0.2", "localhost.example"]) {
      assert.throws(
        () => smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_HOST: host, DRIEHOEK_SMTP_TLS: "geen" }),
        /mag niet onversleuteld over een netwerk/,
        host,
      );
    }
  });

  it("refuses incomplete or invalid settings in Dutch", () => {
    assert.throws(
      () => smtpSettingsFromEnv({ DRIEHOEK_SMTP_HOST: "mail.gemeente.example" }),
      /DRIEHOEK_SMTP_AFZENDER ontbreekt/,
    );
    assert.throws(
      () => smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_AFZENDER: "driehoek" }),
      /geen geldig e-mailadres/,
    );
    assert.throws(
      () => smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_TLS: "ssl" }),
      /moet "starttls", "tls" of "geen"/,
    );
    for (const port of ["0", "65536", "abc", "25.5", "-1"]) {
      assert.throws(
        () => smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_PORT: port }),
        /DRIEHOEK_SMTP_PORT/,
        port,
      );
    }
    assert.throws(
      () => smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_GEBRUIKER: "driehoek" }),
      /allebei in .*alleen de gebruikersnaam/,
    );
    assert.throws(
      () => smtpSettingsFromEnv({ ...base, DRIEHOEK_SMTP_WACHTWOORD: "s3cret" }),
      /alleen het wachtwoord/,
    );
  });
});
