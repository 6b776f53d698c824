import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam } from '../../../shared/schemas/common.js';
import {
  contactDetailSchema,
  contactPage,
  contactVersionBody,
  createContactBody,
  exportContactsQuery,
  listContactsQuery,
  mergeContactBody,
  stakeholderMapSchema,
  updateContactBody,
  type Contact,
} from '../../../shared/schemas/contact.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { partnersPolicy } from '../partners/index.js';
import { withContactCan } from '../partners/index.js';
import { sendExport } from '../../lib/table-export.js';
import { contactColumns, exportContacts, exportFileName, exportRows, toVcf } from './contacts.export.js';
import { mergeContacts } from './contacts.merge.js';
import { createContact, getContact, listContacts, setContactArchived, stakeholderMap, updateContact } from './contacts.service.js';

const tags = ['Contacts'];
const exportDirectoryQuery = exportContactsQuery.extend(exportFields);

/** Contacts belong to partners, so the partners' policies apply (members: only partners they own or are on the team of). */
export const contactsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: partnersPolicy.read };
  const write = { policy: partnersPolicy.write };
  const manage = { policy: partnersPolicy.manage };
  /** A contact with what the caller may do with it (from its partner's rule). */
  const one = async (actor: Actor, c: Contact) => (await withContactCan(db, actor, [c]))[0]!;

  app.get('/api/contacts', { config: read, schema: { tags, summary: 'List contacts', querystring: listContactsQuery, response: { 200: contactPage } } }, async (req) => {
    const page = await listContacts(db, req.query);
    return { ...page, items: await withContactCan(db, req.actor!, page.items) };
  });

  // Static paths win over /api/contacts/:id in Fastify's router, whatever the order.
  app.get(
    '/api/contacts/export',
    { config: read, schema: { tags, summary: 'The directory as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportDirectoryQuery } },
    (req, reply) => sendExport(req, reply, 'contacts', contactColumns, (q) => exportContacts(db, q)),
  );
  app.get(
    '/api/contacts/export.vcf',
    { config: read, schema: { tags, summary: 'The directory as vCard 4.0 (same filters, no paging)', querystring: exportContactsQuery } },
    async (req, reply) => {
      const body = toVcf(await exportRows(db, req.query));
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName('vcf')}"`)
        .send(body);
    },
  );

  app.post('/api/contacts', { config: write, schema: { tags, summary: 'Create a contact', body: createContactBody, response: { 201: contactDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await one(req.actor!, await createContact(db, req.body, req.actor!))),
  );
  app.get('/api/contacts/:id', { config: read, schema: { tags, summary: 'Get a contact', params: uuidParam, response: { 200: contactDetailSchema } } }, async (req) =>
    one(req.actor!, await getContact(db, req.params.id)),
  );
  app.patch(
    '/api/contacts/:id',
    { config: write, schema: { tags, summary: 'Update a contact', params: uuidParam, body: updateContactBody, response: { 200: contactDetailSchema } } },
    async (req) => one(req.actor!, await updateContact(db, req.params.id, req.body, req.actor!)),
  );
  app.post(
    '/api/contacts/:id/archive',
    { config: write, schema: { tags, summary: 'Archive a contact', params: uuidParam, body: contactVersionBody, response: { 200: contactDetailSchema } } },
    async (req) => one(req.actor!, await setContactArchived(db, req.params.id, true, req.body.version, req.actor!)),
  );
  app.post(
    '/api/contacts/:id/restore',
    { config: write, schema: { tags, summary: 'Restore an archived contact', params: uuidParam, body: contactVersionBody, response: { 200: contactDetailSchema } } },
    async (req) => one(req.actor!, await setContactArchived(db, req.params.id, false, req.body.version, req.actor!)),
  );
  app.post(
    '/api/contacts/:id/merge',
    { config: manage, schema: { tags, summary: 'Merge a duplicate contact into this one', params: uuidParam, body: mergeContactBody, response: { 200: contactDetailSchema } } },
    async (req) => one(req.actor!, await mergeContacts(db, req.params.id, req.body.duplicateId, req.body.version, req.actor!)),
  );

  app.get(
    '/api/partners/:id/stakeholders',
    { config: read, schema: { tags, summary: 'Get a partner’s stakeholder map', params: uuidParam, response: { 200: stakeholderMapSchema } } },
    (req) => stakeholderMap(db, req.params.id),
  );
};
