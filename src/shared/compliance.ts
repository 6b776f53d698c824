/** Enums and limits of certifications, partner levels, supplier risk, contracts and documents. */

export const CERTIFICATION_CATEGORIES = ['foundational', 'associate', 'professional', 'specialty', 'accreditation'] as const;
export type CertificationCategory = (typeof CERTIFICATION_CATEGORIES)[number];

export const USER_CERTIFICATION_STATUSES = ['obtained', 'planned'] as const;
export type UserCertificationStatus = (typeof USER_CERTIFICATION_STATUSES)[number];

/** What a level requirement counts: distinct people holding a match, or matching certifications held. */
export const REQUIREMENT_COUNTS = ['people', 'certifications'] as const;
export type RequirementCounts = (typeof REQUIREMENT_COUNTS)[number];

/** Days before a forecast fall below a level (or a certification's expiry) that alerts go out. */
export const LEVEL_ALERT_DAYS = [90, 30] as const;

export const RISK_RATINGS = ['low', 'medium', 'high'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];
export const RISK_SCORE_MAX = 3;
export const RISK_ASSESSMENT_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type RiskAssessmentStatus = (typeof RISK_ASSESSMENT_STATUSES)[number];
export const RISK_REASONS = ['initial', 'scheduled', 'service_change'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];
export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const CONTRACT_TYPES = ['partner_agreement', 'reseller_agreement', 'distribution_agreement', 'nda', 'dpa', 'msa', 'sla', 'order_form'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_STATUSES = ['draft', 'negotiation', 'active', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const NOTICE_UNITS = ['days', 'months'] as const;
export type NoticeUnit = (typeof NOTICE_UNITS)[number];
/** Security clauses a contract can contain; the risk policy says which a rating requires. */
export const CONTRACT_CLAUSES = [
  'confidentiality',
  'return_of_assets',
  'data_processing',
  'subprocessor_approval',
  'incident_notification',
  'business_continuity',
  'service_levels',
  'audit_rights',
  'data_location',
  'exit_and_portability',
] as const;
export type ContractClause = (typeof CONTRACT_CLAUSES)[number];
/** Days before a contract's notice deadline that alerts go out. */
export const CONTRACT_ALERT_DAYS = [90, 30, 7] as const;

export const DOCUMENT_SUBJECTS = ['partner', 'contract', 'risk_assessment', 'user_certification'] as const;
export type DocumentSubject = (typeof DOCUMENT_SUBJECTS)[number];
/** Default upload limit; the DOCUMENT_MAX_BYTES setting changes it. */
export const DOCUMENT_MAX_BYTES_DEFAULT = 25 * 1024 * 1024;
/**
 * Content types an upload may have. HTML, SVG and scripts are refused: a file is never a page.
 * Only these may be shown inline (`?inline=1`): PDFs and raster images.
 */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'message/rfc822',
] as const;
export const DOCUMENT_INLINE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
