import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  createPartnerBody,
  listPartnersQuery,
  mergeBody,
  partnerDetailSchema,
  partnerLinkBody,
  partnerPage,
  statusChangeSchema,
  updatePartnerBody,
  type Partner,
  type PartnerDetail,
} from '../../../shared/schemas/partner.js';
import { zurichDate } from '../../../shared/days.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { heldLevelsByPartner, heldLevelsOf } from '../programs/index.js';
import { withPartnerCan } from './partners.can.js';
import { dealFigures } from './partners.deals.js';
import { partnersPolicy } from './partners.policy.js';
import { addPartnerLink, createPartner, getPartner, listPartners, removePartnerLink, setArchived, statusHistory, updatePartner } from './partners.service.js';
import { mergePartners } from './partners.merge.js';
import { exportPartners, partnerColumns } from './partners.export.js';
import { sendExport } from '../../lib/table-export.js';
import { exportFields } from '../../../shared/schemas/common.js';

const tags = ['Partners'];
const exportPartnersQuery = listPartnersQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const partnersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: partnersPolicy.read };
  const write = { policy: partnersPolicy.write };
  const manage = { policy: partnersPolicy.manage };
  /** Every answer with one partner carries what the caller may do with it and the levels held in its programmes (the 360° header). */
  const detail = async (actor: Actor, p: Partner): Promise<PartnerDetail> => {
    const [withCan] = await withPartnerCan(db, actor, [p]);
    return { ...withCan!, heldLevels: await heldLevelsOf(db, p.id, zurichDate(new Date())), deals: await dealFigures(db, p.id) };
  };

  app.get('/api/partners', { config: read, schema: { tags, summary: 'List partners', querystring: listPartnersQuery, response: { 200: partnerPage } } }, async (req) => {
    const page = await listPartners(db, req.query);
    const [items, held] = await Promise.all([
      withPartnerCan(db, req.actor!, page.items),
      heldLevelsByPartner(
        db,
        page.items.map((p) => p.id),
        zurichDate(new Date()),
      ),
    ]);
    return { ...page, items: items.map((p) => ({ ...p, heldLevels: held.get(p.id) ?? [] })) };
  });
  app.get(
    '/api/partners/export',
    { config: read, schema: { tags, summary: 'The partner list as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportPartnersQuery } },
    (req, reply) => sendExport(req, reply, 'partners', partnerColumns, (q) => exportPartners(db, q)),
  );
  app.post('/api/partners', { config: write, schema: { tags, summary: 'Create a partner', body: createPartnerBody, response: { 201: partnerDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await detail(req.actor!, await createPartner(db, req.body, req.actor!))),
  );
  app.get('/api/partners/:id', { config: read, schema: { tags, summary: 'Get a partner', params: uuidParam, response: { 200: partnerDetailSchema } } }, async (req) =>
    detail(req.actor!, await getPartner(db, req.params.id)),
  );
  app.patch(
    '/api/partners/:id',
    { config: write, schema: { tags, summary: 'Update a partner', params: uuidParam, body: updatePartnerBody, response: { 200: partnerDetailSchema } } },
    async (req) => detail(req.actor!, await updatePartner(db, req.params.id, req.body, req.actor!)),
  );
  app.get(
    '/api/partners/:id/status-history',
    { config: read, schema: { tags, summary: 'List a partner’s status changes', params: uuidParam, response: { 200: z.object({ items: z.array(statusChangeSchema) }) } } },
    (req) => statusHistory(db, req.params.id),
  );
  app.post(
    '/api/partners/:id/archive',
    { config: manage, schema: { tags, summary: 'Archive a partner', params: uuidParam, body: versionBody, response: { 200: partnerDetailSchema } } },
    async (req) => detail(req.actor!, await setArchived(db, req.params.id, true, req.body.version, req.actor!)),
  );
  app.post(
    '/api/partners/:id/restore',
    { config: manage, schema: { tags, summary: 'Restore an archived partner', params: uuidParam, body: versionBody, response: { 200: partnerDetailSchema } } },
    async (req) => detail(req.actor!, await setArchived(db, req.params.id, false, req.body.version, req.actor!)),
  );
  app.post(
    '/api/partners/:id/merge',
    { config: manage, schema: { tags, summary: 'Merge a duplicate partner into this one', params: uuidParam, body: mergeBody, response: { 200: partnerDetailSchema } } },
    async (req) => detail(req.actor!, await mergePartners(db, req.params.id, req.body.duplicateId, req.body.version, req.actor!)),
  );
  app.post(
    '/api/partners/:id/links',
    { config: write, schema: { tags, summary: 'Link a partner to another partner', params: uuidParam, body: partnerLinkBody, response: { 201: partnerDetailSchema } } },
    async (req, reply) => reply.status(201).send(await detail(req.actor!, await addPartnerLink(db, req.params.id, req.body.toPartnerId, req.body.kind, req.actor!))),
  );
  app.delete(
    '/api/partners/:id/links/:linkId',
    {
      config: write,
      schema: { tags, summary: 'Remove a link between two partners', params: z.object({ id: z.uuid(), linkId: z.uuid() }), response: { 200: partnerDetailSchema } },
    },
    async (req) => detail(req.actor!, await removePartnerLink(db, req.params.id, req.params.linkId, req.actor!)),
  );
};
