import PDFDocument from 'pdfkit';
import { tFor } from '../../i18n.js';
import { intlLocale, type Locale } from '../../../shared/i18n/locales.js';
import type { StatementDetail } from '../../../shared/schemas/kickback.js';

// A commission statement as the partner receives it: who, which period, every line and the total,
// in the reader's language, amounts and days formatted by Intl for that language.

/** Minor units with the currency code, as the web app shows them: "CHF 1’234.50" (the runtime's CLDR decides the group mark). */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    minor / 100,
  );
}

export const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Basis points as a percentage: 250 → "2.5 %" / "2,5 %". */
export const formatRate = (bp: number, locale: Locale) => new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);

const COLUMNS = [
  { key: 'earnedOn', width: 62 },
  { key: 'opportunity', width: 118 },
  { key: 'customer', width: 92 },
  { key: 'reason', width: 60 },
  { key: 'basisAmount', width: 70 },
  { key: 'rate', width: 40 },
  { key: 'amount', width: 73 },
] as const;

export function statementPdf(s: StatementDetail, locale: Locale, now: Date = new Date()): Promise<Buffer> {
  const t = tFor(locale);
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: t('kickbacks:pdf.title', { partner: s.partner.name }), Author: 'Partnerhub' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const money = (m: number) => formatMoney(m, s.currency, locale);
  const left = doc.page.margins.left;
  doc.font('Helvetica-Bold').fontSize(16).text(t('kickbacks:pdf.heading'));
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(10);
  const facts: [string, string][] = [
    [t('kickbacks:pdf.partner'), s.partner.name],
    [t('kickbacks:pdf.period'), `${formatDay(s.periodStart, locale)} – ${formatDay(s.periodEnd, locale)}${s.quarter ? ` (${s.quarter})` : ''}`],
    [t('kickbacks:pdf.currency'), s.currency],
    [t('kickbacks:pdf.status'), t(`kickbacks:status.${s.status}`)],
  ];
  if (s.paidOn) facts.push([t('kickbacks:pdf.paidOn'), `${formatDay(s.paidOn, locale)}${s.paymentReference ? ` · ${s.paymentReference}` : ''}`]);
  for (const [k, v] of facts) doc.text(`${k}: ${v}`);
  doc.moveDown();

  const header = COLUMNS.map((c) => t(`kickbacks:line.${c.key}`));
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((cell, i) => {
      const col = COLUMNS[i]!;
      const right = col.key === 'amount' || col.key === 'basisAmount' || col.key === 'rate';
      doc.text(cell, x, y, { width: col.width - 4, align: right ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
      x += col.width;
    });
    doc.x = left;
    doc.y = bottom + 3;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
  };
  row(header, true);
  for (const l of s.lines) {
    row([
      formatDay(l.earnedOn, locale),
      l.opportunity?.name ?? t('kickbacks:line.removedDeal'),
      l.customer?.name ?? '',
      t(`kickbacks:reason.${l.reason}`),
      l.basisMinor === null ? '' : money(l.basisMinor),
      l.rateBp === null ? '' : formatRate(l.rateBp, locale),
      money(l.amountMinor),
    ]);
  }
  doc.moveDown(0.5);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`${t('kickbacks:pdf.total')}: ${money(s.totalMinor)}`, left, doc.y, { align: 'right', width: doc.page.width - left - doc.page.margins.right });
  doc.moveDown(2);
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(t('kickbacks:pdf.footer', { lines: s.lines.length, day: formatDay(now.toISOString().slice(0, 10), locale) }), left);
  doc.end();
  return done;
}
