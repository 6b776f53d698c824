// Valid requests for partners, their links and team, the product catalogue, the timeline and contacts.
import { product, teamAssignment } from '../../../src/server/db/schema/index.js';
import { addPartnerLink } from '../../../src/server/features/partners/partners.service.js';
import { uniqueEmail } from '../../support/app.js';
import { makeActivity, makeContact, makePartner, unique } from '../../support/factories.js';
import { ownPartner, plain, type Builders } from './support.js';

const now = () => new Date().toISOString();

export const partnerRequests: Builders = {
  'GET /api/partners': plain('/api/partners?status=active,prospect&sort=-createdAt'),
  'GET /api/partners/export': plain('/api/partners/export?status=active&format=xlsx&columns=name,status'),
  'GET /api/partners/:id': async (c) => ({ url: `/api/partners/${(await makePartner(c.t)).id}` }),
  'GET /api/partners/:id/status-history': async (c) => ({ url: `/api/partners/${(await makePartner(c.t)).id}/status-history` }),
  'GET /api/partners/:id/team': async (c) => ({ url: `/api/partners/${(await makePartner(c.t)).id}/team` }),
  'POST /api/partners': async (c) => ({ url: '/api/partners', body: { name: unique('New partner'), types: ['software_vendor'], country: 'CH', ownerId: c.as.id } }),
  'PATCH /api/partners/:id': async (c) => {
    const p = await ownPartner(c);
    return { url: `/api/partners/${p.id}`, body: { version: p.version, importance: 'key', tags: ['matrix'] } };
  },
  'POST /api/partners/:id/links': async (c) => ({
    url: `/api/partners/${(await ownPartner(c)).id}/links`,
    body: { toPartnerId: (await makePartner(c.t)).id, kind: 'reseller_of' },
  }),
  'DELETE /api/partners/:id/links/:linkId': async (c) => {
    const p = await ownPartner(c, { types: ['distributor'] });
    const linked = await addPartnerLink(c.t.database.db, p.id, (await makePartner(c.t)).id, 'distributor_of', c.actor);
    return { url: `/api/partners/${p.id}/links/${linked.related[0]!.linkId}` };
  },
  'POST /api/partners/:id/team': async (c) => ({ url: `/api/partners/${(await ownPartner(c)).id}/team`, body: { userId: c.users.viewer.id, role: 'marketing' } }),
  'DELETE /api/partners/:id/team/:assignmentId': async (c) => {
    const p = await ownPartner(c);
    const [a] = await c.t.database.db.insert(teamAssignment).values({ partnerId: p.id, userId: c.users.viewer.id, role: 'technical_lead' }).returning();
    return { url: `/api/partners/${p.id}/team/${a!.id}` };
  },
  'POST /api/partners/:id/archive': async (c) => {
    const p = await makePartner(c.t);
    return { url: `/api/partners/${p.id}/archive`, body: { version: p.version } };
  },
  'POST /api/partners/:id/restore': async (c) => {
    const p = await makePartner(c.t, { archivedAt: new Date() });
    return { url: `/api/partners/${p.id}/restore`, body: { version: p.version } };
  },
  'POST /api/partners/:id/merge': async (c) => {
    const p = await makePartner(c.t);
    return { url: `/api/partners/${p.id}/merge`, body: { duplicateId: (await makePartner(c.t)).id, version: p.version } };
  },

  'GET /api/products': plain('/api/products'),
  'GET /api/products/export': plain('/api/products/export?format=xlsx&columns=name'),
  'POST /api/products': async () => ({ url: '/api/products', body: { name: unique('Managed Kubernetes'), description: 'Run by us, with partners' } }),
  'PATCH /api/products/:id': async (c) => {
    const [p] = await c.t.database.db
      .insert(product)
      .values({ name: unique('Product') })
      .returning();
    return { url: `/api/products/${p!.id}`, body: { version: p!.version, description: 'Now with support' } };
  },

  'GET /api/activities': async (c) => ({ url: `/api/activities?partnerId=${(await makeActivity(c.t)).partnerId}` }),
  'GET /api/activities/:id': async (c) => ({ url: `/api/activities/${(await makeActivity(c.t)).id}` }),
  'POST /api/activities': async (c) => ({
    url: '/api/activities',
    body: { partnerId: (await ownPartner(c)).id, kind: 'call', occurredAt: now(), summary: 'Quarterly pipeline call', userIds: [c.as.id] },
  }),
  'PATCH /api/activities/:id': async (c) => {
    const a = await makeActivity(c.t, (await ownPartner(c)).id);
    return { url: `/api/activities/${a.id}`, body: { version: a.version, outcome: 'Agreed on next steps', important: true } };
  },
  'POST /api/activities/:id/archive': async (c) => {
    const a = await makeActivity(c.t, (await ownPartner(c)).id);
    return { url: `/api/activities/${a.id}/archive`, body: { version: a.version } };
  },
  'POST /api/activities/:id/restore': async (c) => {
    const a = await makeActivity(c.t, (await ownPartner(c)).id, { overrides: { archivedAt: new Date() } });
    return { url: `/api/activities/${a.id}/restore`, body: { version: a.version } };
  },

  'GET /api/contacts': async (c) => ({ url: `/api/contacts?partnerId=${(await makeContact(c.t)).partnerId}` }),
  'GET /api/contacts/export': async (c) => ({ url: `/api/contacts/export?partnerId=${(await makeContact(c.t)).partnerId}&status=all&format=xlsx&columns=lastName,role` }),
  'GET /api/contacts/export.vcf': async (c) => ({ url: `/api/contacts/export.vcf?partnerId=${(await makeContact(c.t)).partnerId}` }),
  'GET /api/contacts/:id': async (c) => ({ url: `/api/contacts/${(await makeContact(c.t)).id}` }),
  'POST /api/contacts': async (c) => ({
    url: '/api/contacts',
    body: { partnerId: (await ownPartner(c)).id, firstName: 'Ada', lastName: unique('Lovelace'), email: uniqueEmail('ada'), role: 'sales' },
  }),
  'PATCH /api/contacts/:id': async (c) => {
    const k = await makeContact(c.t, (await ownPartner(c)).id);
    return { url: `/api/contacts/${k.id}`, body: { version: k.version, title: 'Head of Alliances', phone: '+41 44 123 45 67' } };
  },
  'POST /api/contacts/:id/archive': async (c) => {
    const k = await makeContact(c.t, (await ownPartner(c)).id);
    return { url: `/api/contacts/${k.id}/archive`, body: { version: k.version } };
  },
  'POST /api/contacts/:id/restore': async (c) => {
    const k = await makeContact(c.t, (await ownPartner(c)).id, { archivedAt: new Date() });
    return { url: `/api/contacts/${k.id}/restore`, body: { version: k.version } };
  },
  'POST /api/contacts/:id/merge': async (c) => {
    const k = await makeContact(c.t);
    return { url: `/api/contacts/${k.id}/merge`, body: { duplicateId: (await makeContact(c.t, k.partnerId)).id, version: k.version } };
  },
  'GET /api/partners/:id/stakeholders': async (c) => ({ url: `/api/partners/${(await makeContact(c.t)).partnerId}/stakeholders` }),
};
