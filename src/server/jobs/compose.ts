import { unsubscribeUrl } from '../features/notifications/notifications.core.js';
import type { NewMail } from '../features/mail/mail.service.js';
import type { UnsubscribeList } from '../../shared/schemas/notification.js';
import { intlLocale, type Locale } from '../../shared/i18n/locales.js';
import { tFor } from '../i18n.js';

export interface MailSettings {
  baseUrl: string;
  secret: string;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// English mail has always read British ("Fri 27 Nov"); German is Swiss usage with numeric dates (Fr., 27.11.2026).
const formats = {
  en: {
    time: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
    day: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
  },
  de: {
    time: new Intl.DateTimeFormat(intlLocale('de'), { timeZone: 'Europe/Zurich', weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }),
    day: new Intl.DateTimeFormat(intlLocale('de'), { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }),
  },
} satisfies Record<Locale, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>;
/** An instant as people in Zurich read it: "Fri 27 Nov, 09:30", "Fr., 27.11., 09:30". */
export const formatTime = (at: Date, locale: Locale = 'en') => formats[locale].time.format(at);
/** A calendar date ('YYYY-MM-DD'): "Fri, 27 Nov 2026", "Fr., 27.11.2026". */
export const formatDay = (date: string, locale: Locale = 'en') => formats[locale].day.format(new Date(`${date}T00:00:00Z`));

/** Someone a mail goes to; without a chosen language, English. */
export interface Recipient {
  id: string;
  email: string;
  locale?: Locale | null;
}

/**
 * A mail to one user on one list, with the unsubscribe link in the footer and in the List-Unsubscribe
 * headers (RFC 2369), and RFC 8058's List-Unsubscribe-Post so mail clients can offer one click.
 */
export function composeMail(s: MailSettings, to: Recipient, list: UnsubscribeList, content: { subject: string; text: string; html: string }): NewMail {
  const locale = to.locale ?? 'en';
  const t = tFor(locale);
  const url = unsubscribeUrl(s.baseUrl, s.secret, to.id, list);
  const what = t(`email:list.${list}`);
  const choose = t('email:frame.choose');
  const text = `${content.text.trimEnd()}\n\n--\nPartnerhub · ${s.baseUrl}\n${t('email:frame.stop', { what, url })}\n${choose}: ${s.baseUrl}/profile\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1a1b1e;line-height:1.5;max-width:40rem">
${content.html}
<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0 8px">
<p style="font-size:12px;color:#495057">Partnerhub · <a href="${escapeHtml(s.baseUrl)}">${escapeHtml(s.baseUrl)}</a><br>
<a href="${escapeHtml(url)}">${escapeHtml(t('email:frame.unsubscribe', { what }))}</a> · <a href="${escapeHtml(s.baseUrl)}/profile">${escapeHtml(choose)}</a></p>
</body></html>`;
  return {
    to: to.email,
    userId: to.id,
    subject: content.subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Mail filters match the list's name: the same in every language.
      'List-Id': `Partnerhub ${tFor('en')(`email:list.${list}`)} <${list.replace('_', '-')}.partnerhub>`,
      // Keeps out-of-office replies away from automated mail.
      'Auto-Submitted': 'auto-generated',
    },
  };
}
