import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { id, stamps, ts } from './columns.js';

export const partner = pgTable(
  'partner',
  {
    id: id(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    website: text('website'),
    country: text('country'),
    description: text('description'),
    logoUrl: text('logo_url'),
    types: text('types').array().notNull(),
    status: text('status').notNull().default('prospect'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    importance: text('importance').notNull().default('standard'),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'`),
    strategy: text('strategy'),
    regions: text('regions')
      .array()
      .notNull()
      .default(sql`'{}'`),
    industries: text('industries')
      .array()
      .notNull()
      .default(sql`'{}'`),
    valueWeBring: text('value_we_bring'),
    valueTheyBring: text('value_they_bring'),
    directions: text('directions')
      .array()
      .notNull()
      .default(sql`'{}'`),
    pricingNotes: text('pricing_notes'),
    links: jsonb('links').$type<Record<string, string>>().notNull().default({}),
    /** Newest timeline entry; kept by the activities service in the same transaction (sorting 10k partners by a subquery is too slow). */
    lastContactAt: ts('last_contact_at'),
    /** Expected days between contacts; null takes the default for the partner's importance. */
    contactIntervalDays: integer('contact_interval_days'),
    /** When the supplier risk review falls due: set by an approved assessment, or to the day of a change of service. Null: never assessed. */
    riskReviewDueOn: date('risk_review_due_on', { mode: 'string' }),
    archivedAt: ts('archived_at'),
    mergedIntoId: uuid('merged_into_id'),
    ...stamps,
  },
  (t) => [
    // Unique among partners still in use; archived ones may share a name with a new one.
    uniqueIndex('partner_name_active_uq')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    index('partner_status_idx').on(t.status),
    index('partner_owner_idx').on(t.ownerId),
    // The default list order (most recently contacted first) walks this index and stops after a page.
    index('partner_recent_idx')
      .on(t.lastContactAt.desc().nullsLast(), sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    // Name prefixes (search, list filter): a trigram index rechecks every name containing the letters.
    index('partner_name_prefix_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    index('partner_types_idx').using('gin', t.types),
    index('partner_tags_idx').using('gin', t.tags),
    index('partner_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('partner_fts_idx').using('gin', sql`to_tsvector('simple', ${t.name} || ' ' || coalesce(${t.legalName}, '') || ' ' || coalesce(${t.description}, ''))`),
    check('partner_contact_interval', sql`${t.contactIntervalDays} is null or ${t.contactIntervalDays} between 1 and 730`),
    check('partner_types_nonempty', sql`cardinality(${t.types}) > 0`),
    check('partner_types_known', sql`${t.types} <@ array['consultant_reseller','cloud_service_provider','software_vendor','distributor']::text[]`),
  ],
);

export const partnerStatusChange = pgTable(
  'partner_status_change',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    changedAt: ts('changed_at').notNull().defaultNow(),
    changedBy: text('changed_by'),
    note: text('note'),
  },
  (t) => [index('partner_status_change_partner_idx').on(t.partnerId, t.changedAt)],
);

export const partnerLink = pgTable(
  'partner_link',
  {
    id: id(),
    fromPartnerId: uuid('from_partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    toPartnerId: uuid('to_partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('partner_link_uq').on(t.fromPartnerId, t.toPartnerId, t.kind),
    index('partner_link_to_idx').on(t.toPartnerId),
    check('partner_link_not_self', sql`${t.fromPartnerId} <> ${t.toPartnerId}`),
  ],
);

export const product = pgTable('product', {
  id: id(),
  name: text('name').notNull().unique(),
  description: text('description'),
  ...stamps,
});

export const partnerProduct = pgTable(
  'partner_product',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.productId] }), index('partner_product_product_idx').on(t.productId)],
);

export const contact = pgTable(
  'contact',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    title: text('title'),
    role: text('role'),
    influence: text('influence'),
    strength: text('strength'),
    email: text('email'),
    phone: text('phone'),
    location: text('location'),
    notes: text('notes'),
    isPrimary: boolean('is_primary').notNull().default(false),
    /** Newest timeline entry naming this contact; kept by the activities service. */
    lastContactAt: ts('last_contact_at'),
    leftAt: date('left_at'),
    archivedAt: ts('archived_at'),
    mergedIntoId: uuid('merged_into_id'),
    ...stamps,
  },
  (t) => [
    index('contact_partner_idx').on(t.partnerId),
    // One primary contact per partner, whatever races the application checks miss.
    uniqueIndex('contact_one_primary_uq')
      .on(t.partnerId)
      .where(sql`${t.isPrimary}`),
    index('contact_email_title_trgm_idx').using('gin', sql`lower(coalesce(${t.email}, '') || ' ' || coalesce(${t.title}, '')) gin_trgm_ops`),
    index('contact_name_trgm_idx').using('gin', sql`lower(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
  ],
);

export const teamAssignment = pgTable(
  'team_assignment',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('team_assignment_uq').on(t.partnerId, t.userId, t.role), index('team_assignment_user_idx').on(t.userId)],
);

export const activity = pgTable(
  'activity',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome'),
    important: boolean('important').notNull().default(false),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    index('activity_partner_time_idx').on(t.partnerId, t.occurredAt.desc()),
    // The timeline across all partners (team digest, "what happened lately").
    index('activity_time_idx').on(t.occurredAt.desc()),
    index('activity_fts_idx').using('gin', sql`to_tsvector('simple', ${t.summary} || ' ' || coalesce(${t.outcome}, ''))`),
  ],
);

export const activityUser = pgTable(
  'activity_user',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] }), index('activity_user_user_idx').on(t.userId)],
);

export const activityContact = pgTable(
  'activity_contact',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.contactId] }), index('activity_contact_contact_idx').on(t.contactId)],
);

export const savedView = pgTable('saved_view', {
  id: id(),
  userId: text('user_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' }),
  resource: text('resource').notNull(),
  name: text('name').notNull(),
  query: jsonb('query').$type<Record<string, unknown>>().notNull().default({}),
  columns: text('columns')
    .array()
    .notNull()
    .default(sql`'{}'`),
  createdAt: ts('created_at').notNull().defaultNow(),
});
