// E-mail delivery of information products: a small effect (`MailEffects`) with one SMTP
// implementation on top of nodemailer, plus reading its settings from the environment.
//
// Transport security is not negotiable: mail carries police information, so a connection is
// either implicit TLS ("tls") or STARTTLS that must succeed ("starttls", the default).
// Plaintext ("geen") is only accepted towards a mail server on the same machine.

import { createTransport } from "nodemailer";

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments: MailAttachment[];
}

export interface MailEffects {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (usually port 465). */
  secure: boolean;
  /** STARTTLS is required; the message is never sent when the upgrade is not possible. */
  requireTls: boolean;
  user?: string;
  password?: string;
  /** Sender used when a message leaves `from` empty. */
  from: string;
  /** Verify the server certificate (default true). Only for tests or a private CA setup. */
  tlsRejectUnauthorized?: boolean;
}

/** A failed send, in Dutch, naming the recipients and the SMTP response when there was one. */
export class MailDeliveryError extends Error {
  override readonly name = "MailDeliveryError";
  constructor(
    message: string,
    /** All recipients of the message. */
    readonly recipients: string[],
    /** The SMTP server response, when the failure came from the server. */
    readonly smtpResponse: string | undefined,
    /** Recipients that did receive the message (only non-empty on a partial failure). */
    readonly accepted: string[] = [],
    /** Recipients the server refused. */
    readonly rejected: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1"]);

function isLocalHost(host: string): boolean {
  return LOCAL_HOSTS.has(
    host
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, "$1"),
  );
}

function assertEncryptedOrLocal(host: string, secure: boolean, requireTls: boolean): void {
  if (!secure && !requireTls && !isLocalHost(host)) {
    throw new Error(
      `Onversleutelde verbinding met mailserver ${host} geweigerd: e-mail met politie-informatie mag niet ` +
        'onversleuteld over een netwerk. Gebruik DRIEHOEK_SMTP_TLS="starttls" of "tls"; "geen" mag alleen ' +
        "voor een mailserver op dezelfde machine (localhost, 127.0.0.1 of ::1).",
    );
  }
}

const REASONS: Record<string, string> = {
  EAUTH: "aanmelden bij de mailserver is mislukt",
  ENOAUTH: "de mailserver vraagt om aanmelden, maar er zijn geen inloggegevens ingesteld",
  ETLS: "er kon geen versleutelde verbinding (TLS) met de mailserver worden opgezet",
  EREQUIRETLS: "de mailserver ondersteunt de vereiste versleuteling niet",
  ECONNECTION: "de verbinding met de mailserver werd onverwacht verbroken",
  ESOCKET: "er kon geen (veilige) verbinding met de mailserver worden gemaakt",
  EDNS: "de naam van de mailserver kon niet worden opgezocht",
  ETIMEDOUT: "de mailserver reageerde niet op tijd",
  EENVELOPE: "de mailserver weigerde de afzender of de ontvanger(s)",
  EMESSAGE: "de mailserver weigerde het bericht",
  EPROTOCOL: "de mailserver gaf een onverwacht antwoord",
};

interface SmtpErrorLike {
  code?: unknown;
  response?: unknown;
  message?: unknown;
  rejected?: unknown;
}

function wrapSendError(recipients: string[], error: unknown): MailDeliveryError {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpErrorLike;
  const code = typeof e.code === "string" ? e.code : undefined;
  const response = typeof e.response === "string" && e.response !== "" ? e.response : undefined;
  const technical = typeof e.message === "string" ? e.message : String(error);
  const reason = (code !== undefined ? REASONS[code] : undefined) ?? "verzenden is mislukt";
  const detail = response ? `SMTP-antwoord: "${response}"` : `technische melding: ${technical}`;
  const rejected = Array.isArray(e.rejected) ? e.rejected.filter((r) => typeof r === "string") : [];
  return new MailDeliveryError(
    `E-mail aan ${recipients.join(", ")} is niet verzonden: ${reason} (${detail}).`,
    recipients,
    response,
    [],
    rejected,
    { cause: error },
  );
}

/** SMTP mailer. `close()` ends any open connection. */
export function smtpMailer(settings: SmtpSettings): MailEffects & { close(): void } {
  assertEncryptedOrLocal(settings.host, settings.secure, settings.requireTls);
  const plaintextLocal = !settings.secure && !settings.requireTls;
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    ignoreTLS: plaintextLocal,
    auth:
      settings.user !== undefined && settings.user !== ""
        ? { user: settings.user, pass: settings.password ?? "" }
        : undefined,
    tls: {
      rejectUnauthorized: settings.tlsRejectUnauthorized ?? true,
      minVersion: "TLSv1.2",
    },
    // Message content is always given as bytes; never let a message pull in files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });

  return {
    async send(message) {
      const recipients = message.to.map((r) => r.trim()).filter((r) => r !== "");
      if (recipients.length === 0) {
        throw new MailDeliveryError("E-mail niet verzonden: er is geen ontvanger opgegeven.", [], undefined);
      }
      let info: { messageId: string; accepted: unknown[]; rejected: unknown[] };
      try {
        info = await transport.sendMail({
          from: message.from.trim() !== "" ? message.from : settings.from,
          to: recipients,
          subject: message.subject,
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
      } catch (error) {
        throw wrapSendError(recipients, error);
      }
      const rejected = info.rejected.map(String);
      if (rejected.length > 0) {
        // Some recipients got it, others did not: report it rather than pretend success.
        // Re-sending would duplicate it for the accepted ones, hence the explicit lists.
        const accepted = info.accepted.map(String);
        throw new MailDeliveryError(
          `E-mail is alleen gedeeltelijk verzonden: wel aan ${accepted.join(", ")}, ` +
            `maar geweigerd voor ${rejected.join(", ")}.`,
          recipients,
          undefined,
          accepted,
          rejected,
        );
      }
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = raw.trim();
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`DRIEHOEK_SMTP_PORT moet een poortnummer tussen 1 en 65535 zijn, niet "${raw}".`);
  }
  return port;
}

/**
 * Reads the SMTP settings from DRIEHOEK_SMTP_* variables. Returns null when no host is set
 * (mail delivery not configured). Throws a Dutch error for an incomplete or unsafe setup.
 *
 * DRIEHOEK_SMTP_TLS: "starttls" (default; STARTTLS required, port 587),
 * "tls" (implicit TLS, port 465), "geen" (plaintext, only to localhost).
 */
export function smtpSettingsFromEnv(env: Record<string, string | undefined>): SmtpSettings | null {
  const host = env.DRIEHOEK_SMTP_HOST?.trim() ?? "";
  if (host === "") return null;

  const mode = (env.DRIEHOEK_SMTP_TLS?.trim() || "starttls").toLowerCase();
  if (mode !== "starttls" && mode !== "tls" && mode !== "geen") {
    throw new Error(
      `DRIEHOEK_SMTP_TLS moet "starttls", "tls" of "geen" zijn, niet "${env.DRIEHOEK_SMTP_TLS}".`,
    );
  }
  const secure = mode === "tls";
  const requireTls = mode === "starttls";
  assertEncryptedOrLocal(host, secure, requireTls);

  const port = parsePort(env.DRIEHOEK_SMTP_PORT, secure ? 465 : 587);

  const from = env.DRIEHOEK_SMTP_AFZENDER?.trim() ?? "";
  if (from === "") {
    throw new Error(
      "DRIEHOEK_SMTP_AFZENDER ontbreekt: stel het afzenderadres in als DRIEHOEK_SMTP_HOST is ingesteld.",
    );
  }
  if (!from.includes("@") || /[\r\n]/.test(from)) {
    throw new Error(`DRIEHOEK_SMTP_AFZENDER is geen geldig e-mailadres: "${from}".`);
  }

  const user = env.DRIEHOEK_SMTP_GEBRUIKER?.trim() || undefined;
  const password = env.DRIEHOEK_SMTP_WACHTWOORD || undefined;
  if ((user === undefined) !== (password === undefined)) {
    throw new Error(
      "Stel DRIEHOEK_SMTP_GEBRUIKER en DRIEHOEK_SMTP_WACHTWOORD allebei in (of allebei niet): " +
        `nu is alleen ${user === undefined ? "het wachtwoord" : "de gebruikersnaam"} ingesteld.`,
    );
  }

  return {
    host,
    port,
    secure,
    requireTls,
    ...(user !== undefined ? { user, password } : {}),
    from,
  };
}
