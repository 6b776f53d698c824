import { escapeHtml } from './compose.js';
import { tFor } from '../i18n.js';
import type { Locale } from '../../shared/i18n/locales.js';

const moreText = (locale: Locale, count: number) => tFor(locale)('email:digest.more', { count });

export interface DigestItem {
  text: string;
  /** A path in the web app. */
  link?: string | null;
  meta?: string | null;
}

export interface DigestSection {
  title: string;
  items: DigestItem[];
  /** How many more there are than listed. */
  more?: number;
}

const visible = (sections: DigestSection[]) => sections.filter((s) => s.items.length);

export function renderText(heading: string, intro: string, sections: DigestSection[], baseUrl: string, locale: Locale = 'en'): string {
  const lines = [heading, intro, ''];
  for (const s of visible(sections)) {
    lines.push(s.title, '-'.repeat(s.title.length));
    for (const i of s.items) lines.push(`- ${i.text}${i.meta ? ` (${i.meta})` : ''}${i.link ? `\n  ${baseUrl}${i.link}` : ''}`);
    if (s.more) lines.push(`  ${moreText(locale, s.more)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderHtml(heading: string, intro: string, sections: DigestSection[], baseUrl: string, locale: Locale = 'en'): string {
  const item = (i: DigestItem) =>
    `<li style="margin-bottom:6px">${i.link ? `<a href="${escapeHtml(baseUrl + i.link)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}${
      i.meta ? `<br><span style="color:#495057;font-size:13px">${escapeHtml(i.meta)}</span>` : ''
    }</li>`;
  return [
    `<h1 style="font-size:20px">${escapeHtml(heading)}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...visible(sections).map(
      (s) =>
        `<h2 style="font-size:16px;margin-top:20px">${escapeHtml(s.title)}</h2><ul style="padding-left:20px">${s.items.map(item).join('')}</ul>${s.more ? `<p style="color:#495057">${escapeHtml(moreText(locale, s.more))}</p>` : ''}`,
    ),
  ].join('\n');
}

/** Slack's mrkdwn escapes only these three. */
const mrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack-compatible incoming-webhook payload: `text` for clients without blocks, blocks for the rest. */
export function renderChat(heading: string, sections: DigestSection[], baseUrl: string): { text: string; blocks: unknown[] } {
  const line = (i: DigestItem) => `• ${i.link ? `<${baseUrl}${i.link}|${mrkdwn(i.text)}>` : mrkdwn(i.text)}${i.meta ? ` — ${mrkdwn(i.meta)}` : ''}`;
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: heading.slice(0, 150) } }];
  for (const s of visible(sections)) {
    // A section's text is limited to 3,000 characters.
    let body = `*${mrkdwn(s.title)}*\n${s.items.map(line).join('\n')}${s.more ? `\n… and ${s.more} more` : ''}`;
    if (body.length > 2900) body = `${body.slice(0, 2900)}\n…`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: body } });
  }
  const text = [heading, ...visible(sections).map((s) => `${s.title}: ${s.items.length + (s.more ?? 0)}`)].join('\n');
  return { text, blocks: blocks.slice(0, 50) };
}
