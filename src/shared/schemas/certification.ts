import { z } from 'zod';
import { CERTIFICATION_CATEGORIES, USER_CERTIFICATION_STATUSES } from '../compliance.js';
import { NAME_MAX, version } from './common.js';

/** A calendar day, as the `date` columns hold it. */
const isoDate = z.iso.date({ error: 'must be a date such as 2026-11-30' });

export const EXAM_CODE_MAX = 50;
export const CERT_TEXT_MAX = 2_000;
export const CREDENTIAL_ID_MAX = 200;
const URL_MAX = 2_000;
/** The database checks the same range. */
export const VALIDITY_MONTHS_MAX = 240;
export const RENEWED_BY_MAX = 20;
/** A holding expiring within this many days shows as "expiring" (the first reminder goes out then too). */
export const EXPIRING_WITHIN_DAYS = 90;
/** Holdings a list answers at most; a team's certifications stay far below it. */
export const HOLDINGS_LIST_MAX = 5_000;

export const CERTIFICATION_CATEGORY_LABELS: Record<(typeof CERTIFICATION_CATEGORIES)[number], string> = {
  foundational: 'Foundational',
  associate: 'Associate',
  professional: 'Professional / expert',
  specialty: 'Specialty',
  accreditation: 'Sales / accreditation',
};

/** How a colleague's certification stands today. */
export const HOLDING_STATES = ['current', 'expiring', 'expired', 'planned'] as const;
export type HoldingState = (typeof HOLDING_STATES)[number];
export const HOLDING_STATE_LABELS: Record<HoldingState, string> = { current: 'Current', expiring: 'Expiring soon', expired: 'Expired', planned: 'Planned' };

const name = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const optionalText = z.string().trim().max(CERT_TEXT_MAX, `must be at most ${CERT_TEXT_MAX} characters`).nullable().optional();
const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .nullable()
  .optional();
const category = z.enum(CERTIFICATION_CATEGORIES, { error: `must be one of ${CERTIFICATION_CATEGORIES.join(', ')}` });
const validityMonths = z
  .number({ error: 'must be a whole number of months, or null when it does not expire' })
  .int('must be a whole number of months')
  .min(1, 'must be at least 1 month')
  .max(VALIDITY_MONTHS_MAX, `must be at most ${VALIDITY_MONTHS_MAX} months`)
  .nullable();
const examCode = z.string().trim().max(EXAM_CODE_MAX, `must be at most ${EXAM_CODE_MAX} characters`).nullable().optional();
/** Higher exams of the same programme whose passing renews this one. */
const renewedByIds = z
  .array(z.uuid())
  .max(RENEWED_BY_MAX, `may list at most ${RENEWED_BY_MAX} certifications`)
  .transform((v) => [...new Set(v)]);

export const createCertificationBody = z
  .object({
    programId: z.uuid(),
    name,
    examCode,
    /** Left out: the programme's vendor. */
    issuer: name.nullable().optional(),
    category,
    /** Months from the day obtained; null when it does not expire. */
    validityMonths,
    description: optionalText,
    url,
    renewedByIds: renewedByIds.default([]),
  })
  .strict();
export type CreateCertificationBody = z.input<typeof createCertificationBody>;

/** The programme is fixed once created: holdings and renewals belong to it. */
export const updateCertificationBody = z
  .object({
    name: name.optional(),
    examCode,
    issuer: name.optional(),
    category: category.optional(),
    validityMonths: validityMonths.optional(),
    description: optionalText,
    url,
    renewedByIds: renewedByIds.optional(),
    version,
  })
  .strict();
export type UpdateCertificationBody = z.input<typeof updateCertificationBody>;

const ref = z.object({ id: z.string(), name: z.string() });

export const certificationSchema = z.object({
  id: z.string(),
  program: ref,
  name: z.string(),
  examCode: z.string().nullable(),
  issuer: z.string(),
  category,
  validityMonths: z.number().int().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  /** Passing one of these renews this certification. */
  renewedBy: z.array(ref),
  /** This certification renews these (the reverse links). */
  renews: z.array(ref),
  /** Colleagues holding it (obtained, not archived). */
  holderCount: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Certification = z.infer<typeof certificationSchema>;
export const certificationList = z.object({ items: z.array(certificationSchema) });

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listCertificationsQuery = z.object({
  programId: z.uuid().optional(),
  q: z.string().trim().max(NAME_MAX).optional(),
  includeArchived: boolQuery.optional(),
});
export type ListCertificationsQuery = z.infer<typeof listCertificationsQuery>;

export const starterCatalogueResult = z.object({
  /** Names of programmes added. */
  programs: z.array(z.string()),
  /** "Programme: certification" of each certification added. */
  certifications: z.array(z.string()),
});
export type StarterCatalogueResult = z.infer<typeof starterCatalogueResult>;

// ---- colleagues' certifications ----

const status = z.enum(USER_CERTIFICATION_STATUSES, { error: `must be one of ${USER_CERTIFICATION_STATUSES.join(', ')}` });
const credentialId = z.string().trim().max(CREDENTIAL_ID_MAX, `must be at most ${CREDENTIAL_ID_MAX} characters`).nullable().optional();
const userId = z.string().trim().min(1, 'is required').max(64);

/**
 * Obtained: `obtainedOn` required; `expiresOn` left out (or null) derives it from the catalogue's
 * validity, a date overrides it. Planned: `targetOn` required, no obtained or expiry date.
 */
export const createUserCertificationBody = z
  .object({
    /** Left out: the caller. Members record only their own. */
    userId: userId.optional(),
    certificationId: z.uuid(),
    status: status.default('obtained'),
    obtainedOn: isoDate.nullable().optional(),
    expiresOn: isoDate.nullable().optional(),
    targetOn: isoDate.nullable().optional(),
    credentialId,
    credentialUrl: url,
    notes: optionalText,
  })
  .strict();
export type CreateUserCertificationBody = z.input<typeof createUserCertificationBody>;

/**
 * `expiresOn: null` drops an override and derives the expiry again; a changed `obtainedOn` or
 * certification re-derives an expiry that was not overridden. Planned → obtained: send status and obtainedOn.
 */
export const updateUserCertificationBody = z
  .object({
    certificationId: z.uuid().optional(),
    status: status.optional(),
    obtainedOn: isoDate.nullable().optional(),
    expiresOn: isoDate.nullable().optional(),
    targetOn: isoDate.nullable().optional(),
    credentialId,
    credentialUrl: url,
    notes: optionalText,
    version,
  })
  .strict();
export type UpdateUserCertificationBody = z.input<typeof updateUserCertificationBody>;

export const userCertificationSchema = z.object({
  id: z.string(),
  user: ref,
  certification: z.object({ id: z.string(), name: z.string(), examCode: z.string().nullable(), category, validityMonths: z.number().int().nullable(), program: ref }),
  status,
  obtainedOn: z.string().nullable(),
  /** As recorded: derived from the validity, or overridden. */
  expiresOn: z.string().nullable(),
  expiryOverridden: z.boolean(),
  /** After renewals by the same colleague's higher exams; null never expires (or planned). */
  effectiveExpiresOn: z.string().nullable(),
  /** The higher certification that moved the expiry, when one did. */
  renewedVia: ref.nullable(),
  state: z.enum(HOLDING_STATES),
  targetOn: z.string().nullable(),
  credentialId: z.string().nullable(),
  credentialUrl: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: ref.nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type UserCertification = z.infer<typeof userCertificationSchema>;
export const userCertificationList = z.object({ items: z.array(userCertificationSchema) });

export const listUserCertificationsQuery = z.object({
  userId: userId.optional(),
  programId: z.uuid().optional(),
  certificationId: z.uuid().optional(),
  status: status.optional(),
  state: z.enum(HOLDING_STATES).optional(),
  /** Effective expiry before this day (expired ones included). */
  expiresBefore: isoDate.optional(),
  includeArchived: boolQuery.optional(),
});
export type ListUserCertificationsQuery = z.infer<typeof listUserCertificationsQuery>;

// ---- the matrix ----

export const matrixQuery = z.object({ programId: z.uuid().optional() });
export type MatrixQuery = z.infer<typeof matrixQuery>;

export const matrixCellSchema = z.object({
  userId: z.string(),
  certificationId: z.string(),
  holdingId: z.string(),
  state: z.enum(HOLDING_STATES),
  obtainedOn: z.string().nullable(),
  effectiveExpiresOn: z.string().nullable(),
  targetOn: z.string().nullable(),
});
export type MatrixCell = z.infer<typeof matrixCellSchema>;

export const matrixSchema = z.object({
  /** The day states were computed for (Europe/Zurich). */
  today: z.string(),
  users: z.array(ref),
  certifications: z.array(z.object({ id: z.string(), name: z.string(), examCode: z.string().nullable(), category, program: ref })),
  /** One per colleague and certification held or planned: the best holding (latest current one). */
  cells: z.array(matrixCellSchema),
});
export type CertificationMatrix = z.infer<typeof matrixSchema>;
