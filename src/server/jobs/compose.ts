import { unsubscribeUrl } from '../features/notifications/notifications.core.js';
import type { NewMail } from '../features/mail/mail.service.js';
import { UNSUBSCRIBE_LIST_LABELS, type UnsubscribeList } from '../../shared/schemas/notification.js';

export interface MailSettings {
  baseUrl: string;
  secret: string;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const zurichTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const zurichDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
/** An instant as people in Zurich read it: "Fri 27 Nov, 09:30". */
export const formatTime = (at: Date) => zurichTime.format(at);
/** A calendar date ('YYYY-MM-DD'): "Fri, 27 Nov 2026". */
export const formatDay = (date: string) => zurichDay.format(new Date(`${date}T00:00:00Z`));

/**
 * A mail to one user on one list, with the unsubscribe link in the footer and in the List-Unsubscribe
 * headers (RFC 2369), and RFC 8058's List-Unsubscribe-Post so mail clients can offer one click.
 */
export function composeMail(s: MailSettings, to: { id: string; email: string }, list: UnsubscribeList, content: { subject: string; text: string; html: string }): NewMail {
  const url = unsubscribeUrl(s.baseUrl, s.secret, to.id, list);
  const what = UNSUBSCRIBE_LIST_LABELS[list];
  const text = `${content.text.trimEnd()}\n\n--\nPartnerhub · ${s.baseUrl}\nStop getting ${what}: ${url}\nChoose what you get: ${s.baseUrl}/profile\n`;
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#1a1b1e;line-height:1.5;max-width:40rem">
${content.html}
<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0 8px">
<p style="font-size:12px;color:#495057">Partnerhub · <a href="${escapeHtml(s.baseUrl)}">${escapeHtml(s.baseUrl)}</a><br>
<a href="${escapeHtml(url)}">Unsubscribe from ${escapeHtml(what)}</a> · <a href="${escapeHtml(s.baseUrl)}/profile">Choose what you get</a></p>
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
      'List-Id': `Partnerhub ${what} <${list.replace('_', '-')}.partnerhub>`,
      // Keeps out-of-office replies away from automated mail.
      'Auto-Submitted': 'auto-generated',
    },
  };
}
