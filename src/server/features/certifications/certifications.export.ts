import type { tFor } from '../../i18n.js';
import type { Certification, ListCertificationsQuery, ListUserCertificationsQuery, UserCertification } from '../../../shared/schemas/certification.js';
import type { DbOrTx } from '../../db/client.js';
import { dayCell, type ExportColumn } from '../../lib/table-export.js';
import { listHoldings } from './certifications.holdings.js';
import { listCertifications } from './certifications.service.js';

type T = ReturnType<typeof tFor>;

/** The holdings list's columns in the reader's language: who holds what, its state and its days. */
export function holdingColumns(t: T): ExportColumn<UserCertification>[] {
  return [
    { key: 'colleague', header: t('certifications:list.colleague'), value: (h) => h.user.name },
    { key: 'certification', header: t('certifications:list.certification'), value: (h) => h.certification.name },
    { key: 'examCode', header: t('certifications:certForm.field.examCode'), value: (h) => h.certification.examCode },
    { key: 'programme', header: t('certifications:list.programme'), value: (h) => h.certification.program.name },
    { key: 'category', header: t('certifications:catalogue.category'), value: (h) => t(`certifications:category.${h.certification.category}`) },
    { key: 'status', header: t('certifications:holding.field.status'), value: (h) => t(`certifications:holding.status.${h.status}`) },
    { key: 'state', header: t('certifications:list.state'), value: (h) => t(`certifications:state.${h.state}`) },
    { key: 'obtainedOn', header: t('certifications:holding.field.obtainedOn'), value: (h) => dayCell(h.obtainedOn) },
    // The effective expiry, after renewals by a higher exam: what the list's badge shows.
    { key: 'expiresOn', header: t('certifications:holding.field.expiresOn'), value: (h) => dayCell(h.effectiveExpiresOn) },
    { key: 'renewedBy', header: t('certifications:catalogue.renewedBy'), value: (h) => h.renewedVia?.name ?? '' },
    { key: 'targetOn', header: t('certifications:holding.field.targetOn'), value: (h) => dayCell(h.targetOn) },
    { key: 'credentialId', header: t('certifications:holding.field.credentialId'), value: (h) => h.credentialId },
    { key: 'credentialUrl', header: t('certifications:holding.field.credentialUrl'), value: (h) => h.credentialUrl },
  ];
}

/** The holdings the list's filters match, in its order: the list's own read (it is not paged; HOLDINGS_LIST_MAX bounds it). */
export const exportHoldings = (db: DbOrTx, q: ListUserCertificationsQuery, now: Date = new Date()) => listHoldings(db, q, now);

/** The catalogue's columns in the reader's language, as the catalogue page shows them per programme. */
export function certificationColumns(t: T): ExportColumn<Certification>[] {
  const yesNo = (v: boolean) => (v ? t('common:state.yes') : t('common:state.no'));
  return [
    { key: 'programme', header: t('certifications:certForm.field.programId'), value: (c) => c.program.name },
    { key: 'certification', header: t('certifications:catalogue.certification'), value: (c) => c.name },
    { key: 'examCode', header: t('certifications:certForm.field.examCode'), value: (c) => c.examCode },
    { key: 'issuer', header: t('certifications:certForm.field.issuer'), value: (c) => c.issuer },
    { key: 'category', header: t('certifications:catalogue.category'), value: (c) => t(`certifications:category.${c.category}`) },
    // Months as a number; a certification that does not expire says so (an empty cell would read as unknown).
    { key: 'validityMonths', header: t('certifications:export.validityMonths'), value: (c) => c.validityMonths ?? t('certifications:catalogue.doesNotExpire') },
    { key: 'renewedBy', header: t('certifications:catalogue.renewedBy'), value: (c) => c.renewedBy.map((r) => r.name).join(', ') },
    { key: 'holders', header: t('certifications:catalogue.holders'), value: (c) => c.holderCount },
    { key: 'archived', header: t('certifications:catalogue.archived'), value: (c) => yesNo(c.archivedAt !== null) },
  ];
}

/** The catalogue entries the page's filters match, in its order: the list's own read (the catalogue is tens of entries, not paged). */
export const exportCertifications = (db: DbOrTx, q: ListCertificationsQuery) => listCertifications(db, q);
