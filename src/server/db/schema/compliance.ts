import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { partner } from './partners.js';
import { task } from './rhythm.js';
import { day, id, stamps, ts } from './columns.js';

/**
 * A vendor's partner programme (e.g. "AWS Partner Network — Services Path", "CNCF KCSP"). It owns a
 * certification catalogue and ordered levels. It may exist before the vendor is a partner record
 * (starter programmes are installed at setup); `partner_id` links it once it is.
 * The level we hold and the vendor's next tier review live here: one standing per programme.
 */
export const partnerProgram = pgTable(
  'partner_program',
  {
    id: id(),
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Who issues its certifications, e.g. "Amazon Web Services"; the catalogue's default issuer. */
    vendor: text('vendor').notNull(),
    description: text('description'),
    url: text('url'),
    heldLevelId: uuid('held_level_id').references((): AnyPgColumn => programLevel.id, { onDelete: 'set null' }),
    heldSince: day('held_since'),
    /** When the vendor next re-checks our tier (many programmes do yearly). */
    nextReviewOn: day('next_review_on'),
    /** How long an approved deal registration is protected (days); null: the default, 90. */
    registrationProtectionDays: integer('registration_protection_days'),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('partner_program_name_uq')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    index('partner_program_partner_idx').on(t.partnerId),
    check('partner_program_protection_days', sql`${t.registrationProtectionDays} is null or ${t.registrationProtectionDays} between 1 and 3650`),
  ],
);

/** A level of a programme; `rank` orders them, 1 the lowest. */
export const programLevel = pgTable(
  'program_level',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => partnerProgram.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    rank: integer('rank').notNull(),
    description: text('description'),
    ...stamps,
  },
  (t) => [uniqueIndex('program_level_rank_uq').on(t.programId, t.rank), check('program_level_rank_positive', sql`${t.rank} >= 1`)],
);

/**
 * "At least `min_count` distinct people (or certifications) matching the filter". A level's top-level
 * requirements are ANDed; a requirement with a parent is an "of which" condition counted inside the
 * parent's matches (AWS Advanced: 6 technical certifications, of which 3 professional or specialty).
 * The filter matches a certification of the programme whose category is listed, or any certification
 * of the catalogue named in level_requirement_certification (another programme's too: a CKA recorded
 * once counts for the KCSP and for a vendor's level alike); neither given matches every certification
 * of the programme.
 */
export const levelRequirement = pgTable(
  'level_requirement',
  {
    id: id(),
    levelId: uuid('level_id')
      .notNull()
      .references(() => programLevel.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => levelRequirement.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** Optional wording, e.g. "AWS accredited professionals"; the gap text uses it when set. */
    label: text('label'),
    counts: text('counts').notNull(),
    minCount: integer('min_count').notNull(),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'`),
  },
  (t) => [
    index('level_requirement_level_idx').on(t.levelId, t.position),
    check('level_requirement_counts', sql`${t.counts} in ('people', 'certifications')`),
    check('level_requirement_min', sql`${t.minCount} between 1 and 10000`),
  ],
);

/**
 * The catalogue certifications a requirement names. A named certification cannot be deleted while a
 * requirement names it (it is archived instead): losing the last one would widen the requirement to
 * every certification of the programme.
 */
export const levelRequirementCertification = pgTable(
  'level_requirement_certification',
  {
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => levelRequirement.id, { onDelete: 'cascade' }),
    certificationId: uuid('certification_id')
      .notNull()
      .references((): AnyPgColumn => certification.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.requirementId, t.certificationId] }), index('level_requirement_certification_cert_idx').on(t.certificationId)],
);

/** A requirement no count can check ("partner business plan", "20 launched opportunities"): a manager ticks it with evidence. */
export const levelChecklistItem = pgTable(
  'level_checklist_item',
  {
    id: id(),
    levelId: uuid('level_id')
      .notNull()
      .references(() => programLevel.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description'),
    /** Ticked: by whom, when, with what evidence (a note or link; files attach as documents). */
    doneBy: text('done_by').references(() => user.id, { onDelete: 'set null' }),
    doneAt: ts('done_at'),
    evidence: text('evidence'),
    ...stamps,
  },
  (t) => [index('level_checklist_item_level_idx').on(t.levelId, t.position), check('level_checklist_item_done_evidence', sql`${t.doneAt} is null or ${t.evidence} is not null`)],
);

/** The certification catalogue of a programme. `validity_months` null: it does not expire. */
export const certification = pgTable(
  'certification',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => partnerProgram.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    examCode: text('exam_code'),
    issuer: text('issuer').notNull(),
    category: text('category').notNull(),
    validityMonths: integer('validity_months'),
    description: text('description'),
    url: text('url'),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('certification_name_uq')
      .on(t.programId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    check('certification_validity', sql`${t.validityMonths} is null or ${t.validityMonths} between 1 and 240`),
  ],
);

/** Passing `renewed_by_id` (a higher exam) renews `certification_id` (AWS, Red Hat). */
export const certificationRenewal = pgTable(
  'certification_renewal',
  {
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certification.id, { onDelete: 'cascade' }),
    renewedById: uuid('renewed_by_id')
      .notNull()
      .references(() => certification.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.certificationId, t.renewedById] }), check('certification_renewal_other', sql`${t.certificationId} <> ${t.renewedById}`)],
);

/**
 * A colleague's certification: obtained (with its expiry, derived from the catalogue's validity unless
 * overridden) or planned (an exam with a target date).
 */
export const userCertification = pgTable(
  'user_certification',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certification.id, { onDelete: 'restrict' }),
    status: text('status').notNull(),
    obtainedOn: day('obtained_on'),
    expiresOn: day('expires_on'),
    expiryOverridden: boolean('expiry_overridden').notNull().default(false),
    targetOn: day('target_on'),
    credentialId: text('credential_id'),
    credentialUrl: text('credential_url'),
    notes: text('notes'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    index('user_certification_user_idx').on(t.userId),
    index('user_certification_cert_idx').on(t.certificationId),
    index('user_certification_expires_idx')
      .on(t.expiresOn)
      .where(sql`${t.archivedAt} is null`),
    check('user_certification_status', sql`${t.status} in ('obtained', 'planned')`),
    check('user_certification_obtained', sql`${t.status} <> 'obtained' or ${t.obtainedOn} is not null`),
    check('user_certification_planned', sql`${t.status} <> 'planned' or ${t.targetOn} is not null`),
    check('user_certification_expiry_after', sql`${t.expiresOn} is null or ${t.obtainedOn} is null or ${t.expiresOn} >= ${t.obtainedOn}`),
  ],
);

/** The supplier security policy's criteria; weights and thresholds are the admin's. */
export const riskCriterion = pgTable(
  'risk_criterion',
  {
    id: id(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    weight: integer('weight').notNull().default(1),
    position: integer('position').notNull().default(0),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [uniqueIndex('risk_criterion_key_uq').on(t.key), check('risk_criterion_weight', sql`${t.weight} between 1 and 10`)],
);

/**
 * A risk assessment of a partner. A draft is edited; approval fixes score, rating and next review and
 * makes it immutable; the next approved one supersedes it. One draft and one current (approved) per partner.
 */
export const riskAssessment = pgTable(
  'risk_assessment',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('draft'),
    /** What prompted it: first assessment, scheduled review, change of service. */
    reason: text('reason').notNull().default('initial'),
    /** The services or data the partner handles for us, as assessed. */
    scope: text('scope'),
    summary: text('summary'),
    assessorId: text('assessor_id').references(() => user.id, { onDelete: 'set null' }),
    assessedOn: day('assessed_on'),
    approverId: text('approver_id').references(() => user.id, { onDelete: 'set null' }),
    approvedAt: ts('approved_at'),
    /** Weighted score in per cent of the maximum (0–100), fixed at approval. */
    scorePercent: integer('score_percent'),
    rating: text('rating'),
    nextReviewOn: day('next_review_on'),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => riskAssessment.id, { onDelete: 'set null' }),
    supersededAt: ts('superseded_at'),
    /** Who started it and who changed it last (scores, fields, findings): neither may approve it (four eyes). */
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    index('risk_assessment_partner_idx').on(t.partnerId, t.createdAt),
    uniqueIndex('risk_assessment_one_draft_uq')
      .on(t.partnerId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex('risk_assessment_one_current_uq')
      .on(t.partnerId)
      .where(sql`${t.status} = 'approved'`),
    index('risk_assessment_review_idx')
      .on(t.nextReviewOn)
      .where(sql`${t.status} = 'approved'`),
    check('risk_assessment_status', sql`${t.status} in ('draft', 'approved', 'superseded')`),
    check('risk_assessment_approved_complete', sql`${t.status} = 'draft' or (${t.approvedAt} is not null and ${t.rating} is not null and ${t.nextReviewOn} is not null)`),
    check('risk_assessment_score', sql`${t.scorePercent} is null or ${t.scorePercent} between 0 and 100`),
  ],
);

/** A criterion's score in an assessment; name and weight are copied so history survives catalogue edits. */
export const riskScore = pgTable(
  'risk_score',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => riskAssessment.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => riskCriterion.id, { onDelete: 'restrict' }),
    criterionName: text('criterion_name').notNull(),
    weight: integer('weight').notNull(),
    /** 0 no risk … 3 high risk; null not scored yet (a draft). */
    score: integer('score'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.criterionId] }), check('risk_score_range', sql`${t.score} is null or ${t.score} between 0 and 3`)],
);

/** A finding of an assessment; its mitigation is followed up as a task. */
export const riskFinding = pgTable(
  'risk_finding',
  {
    id: id(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => riskAssessment.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    severity: text('severity').notNull().default('medium'),
    mitigation: text('mitigation'),
    taskId: uuid('task_id').references(() => task.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('risk_finding_assessment_idx').on(t.assessmentId), check('risk_finding_severity', sql`${t.severity} in ('low', 'medium', 'high')`)],
);

/**
 * A contract with a partner. The notice deadline is computed on read (an auto-renewing contract's
 * term end moves on), from the end date, the renewal term and the notice period.
 */
export const contract = pgTable(
  'contract',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    /** The parties as named in the contract, e.g. our legal entity and theirs. */
    parties: text('parties')
      .array()
      .notNull()
      .default(sql`'{}'`),
    status: text('status').notNull().default('draft'),
    signedOn: day('signed_on'),
    startsOn: day('starts_on'),
    endsOn: day('ends_on'),
    autoRenew: boolean('auto_renew').notNull().default(false),
    renewalTermMonths: integer('renewal_term_months'),
    noticePeriodCount: integer('notice_period_count'),
    noticePeriodUnit: text('notice_period_unit'),
    valueMinor: bigint('value_minor', { mode: 'number' }),
    currency: text('currency'),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    /** Security clauses the contract contains (see CONTRACT_CLAUSES). */
    clauses: text('clauses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    notes: text('notes'),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    index('contract_partner_idx').on(t.partnerId),
    index('contract_ends_idx')
      .on(t.endsOn)
      .where(sql`${t.archivedAt} is null`),
    check('contract_dates', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('contract_renewal', sql`not ${t.autoRenew} or (${t.renewalTermMonths} between 1 and 120 and ${t.endsOn} is not null)`),
    check(
      'contract_notice',
      sql`(${t.noticePeriodCount} is null) = (${t.noticePeriodUnit} is null) and (${t.noticePeriodCount} is null or ${t.noticePeriodCount} between 0 and 3650)`,
    ),
    check('contract_value', sql`(${t.valueMinor} is null or ${t.valueMinor} >= 0) and (${t.valueMinor} is null or ${t.currency} is not null)`),
  ],
);

/** A file attached to a record (see DOCUMENT_SUBJECTS); its content lives in versions. */
export const document = pgTable(
  'document',
  {
    id: id(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The partner the subject belongs to, if any (partner pages list it; permissions follow it). */
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [index('document_subject_idx').on(t.subjectType, t.subjectId), index('document_partner_idx').on(t.partnerId)],
);

/** One uploaded version; `storage_key` names the object in the local directory or the S3 bucket. */
export const documentVersion = pgTable(
  'document_version',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => document.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_version_no_uq').on(t.documentId, t.versionNo), check('document_version_size', sql`${t.sizeBytes} >= 0`)],
);
