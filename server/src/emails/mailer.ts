import { createTransport } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Sends one email; throws on any refusal so the caller can record and retry the delivery. */
export interface Mailer {
  send(mail: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * nodemailer over SMTP from SMTP_URL (smtp:// or smtps://, credentials in the URL), pooled so a
 * burst of reports reuses a few connections. Null without SMTP_URL: reports are then only stored
 * with their run (viewable through the API), and their email deliveries are recorded as such.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // A local relay without TLS is common in development; STARTTLS is still used when offered.
    tls: { rejectUnauthorized: !/^smtp:\/\/(localhost|127\.0\.0\.1)[:/]/.test(smtpUrl) },
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
