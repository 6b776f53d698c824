import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
}

/** Delivers mail over SMTP; `null` from createMailer means no SMTP server is configured (outbox only). */
export interface Mailer {
  /** Where mail goes, with the password hidden: safe to log. */
  readonly target: string;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** The URL with any password replaced, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '[invalid URL]';
  }
}

/** Removes the SMTP URL's password from an error text (nodemailer sometimes echoes its options). */
export function redactSecrets(text: string, url?: string): string {
  if (!url) return text;
  const password = (() => {
    try {
      return decodeURIComponent(new URL(url).password);
    } catch {
      return '';
    }
  })();
  return password ? text.split(password).join('***') : text;
}

export function createMailer(opts: { smtpUrl?: string; from: string }): Mailer | null {
  if (!opts.smtpUrl) return null;
  const url = new URL(opts.smtpUrl);
  const secure = url.protocol === 'smtps:';
  // nodemailer is loaded with the first mail, not at start: the server is one bundle whose static
  // imports all load when it starts, and many installations send no mail for a while.
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        // A slow or dead server must not hold a job for minutes; the job retries failed mail.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
        logger: false,
      }),
    ));
  return {
    target: redactUrl(opts.smtpUrl),
    async send(mail) {
      try {
        const info = await (await open()).sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined, headers: mail.headers });
        return { messageId: String(info.messageId ?? '') };
      } catch (e) {
        // The original error stays behind on purpose: it may carry the SMTP credentials into logs.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(redactSecrets(e instanceof Error ? e.message : String(e), opts.smtpUrl));
      }
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
