/**
 * `npm run notify:email`: emails each person who has new notices (see
 * server/services/review/notification-email.ts), then exits. Email is off unless SMTP_URL is set;
 * run it every few minutes from cron (or a systemd timer) beside the app.
 *
 *   SMTP_URL=smtps://user:password@mail.example.org:465   where to hand the emails over
 *   MAIL_FROM="HRD Monitor <monitor@example.org>"         the sender (default: the SMTP user)
 *   NEXTAUTH_URL=https://monitor.example.org              the address the email links to
 */
import nodemailer from 'nodemailer';
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { applyMigrations } from '../db/migrate';
import { emailNewNotices } from '../server/services/review/notification-email';
import { emailNewDeviceNotices } from '../server/auth/new-device-email';
import { formatMoment, locales, translator, type Locale } from '../common/i18n';

async function main(): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    console.log('Email is off: set SMTP_URL (e.g. smtps://user:password@mail.example.org:465) to send notices by email.');
    return;
  }
  const user = decodeURIComponent(new URL(smtpUrl).username);
  const from = process.env.MAIL_FROM ?? (user.includes('@') ? user : null);
  if (!from) {
    console.error('Set MAIL_FROM (e.g. "HRD Monitor <monitor@example.org>"): the SMTP user is not an email address to send from.');
    process.exitCode = 1;
    return;
  }
  const transport = nodemailer.createTransport(smtpUrl);
  const link = `${(process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/notifications`;
  // The platform does not know each person's language: the email says it in all three, English first.
  const texts = locales.map(translator);

  const database = await openConfiguredDatabase();
  try {
    await applyMigrations(database);
    const result = await emailNewNotices(database.db, async (email) => {
      const params = { name: email.name, n: email.notices, url: link };
      await transport.sendMail({
        from,
        to: email.to,
        subject: texts[0]!('email.notices.subject', params),
        text: texts.map((t) => t('email.notices.body', params)).join('\n\n———\n\n'),
      });
    });
    // A sign-in from a device never seen before (the in-app notice of server/auth/sessions.ts), by email as well.
    const accountLink = link.replace(/\/notifications$/, '/account');
    const devices = await emailNewDeviceNotices(database.db, async (email) => {
      // The moment is written in each language's own way, as the pages write it.
      const params = (locale: Locale) => ({ name: email.name, device: email.device, network: email.network ?? '?', when: formatMoment(email.at, locale), url: accountLink });
      const text = locales.map((locale, index) => texts[index]!('email.newDevice.body', params(locale))).join('\n\n———\n\n');
      await transport.sendMail({ from, to: email.to, subject: texts[0]!('email.newDevice.subject', params('en')), text });
    });
    // Counts only: addresses stay out of the logs.
    console.log(`Notice emails: ${result.sent} sent, ${result.failed} failed (offered again next time), ${result.notices} notices.`);
    console.log(`New-device emails: ${devices.sent} sent, ${devices.failed} failed (offered again next time).`);
    if (result.failed > 0 || devices.failed > 0) process.exitCode = 1;
  } finally {
    await database.close();
    transport.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseInUseError ? error.message : `Sending notice emails failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
