import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { productBody, productSchema } from '../../../shared/schemas/partner.js';
import { exportFields, uuidParam, version } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { product } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError, msg } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { sendExport } from '../../lib/table-export.js';
import { partnersPolicy } from '../partners/index.js';
import { productColumns } from './products.export.js';
import { listProducts, presentProduct as present } from './products.service.js';

const tags = ['Products'];
const exportProductsQuery = z.object(exportFields);

/** Our own products and services that include partners: a small catalogue the Partner Manager keeps. */
export const productsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const nameTaken = async (name: string, exceptId?: string) => {
    const rows = await db.select({ id: product.id }).from(product).where(eq(product.name, name));
    if (rows.some((r) => r.id !== exceptId)) throw fieldError('body.name', msg('products.nameUsed'));
  };
  app.get(
    '/api/products',
    { config: { policy: partnersPolicy.read }, schema: { tags, summary: 'List our products and services', response: { 200: z.object({ items: z.array(productSchema) }) } } },
    async () => ({ items: await listProducts(db) }),
  );
  app.get(
    '/api/products/export',
    { config: { policy: partnersPolicy.read }, schema: { tags, summary: 'The catalogue as CSV or XLSX (the columns asked for)', querystring: exportProductsQuery } },
    (req, reply) => sendExport(req, reply, 'products', productColumns, () => listProducts(db)),
  );
  app.post(
    '/api/products',
    { config: { policy: partnersPolicy.manage }, schema: { tags, summary: 'Create a product', body: productBody, response: { 201: productSchema } } },
    async (req, reply) => {
      await nameTaken(req.body.name);
      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(product)
          .values({ name: req.body.name, description: req.body.description ?? null })
          .returning();
        await recordAudit(tx, { actor: req.actor, entityType: 'product', entityId: row!.id, action: 'create', after: present(row!) });
        return row!;
      });
      return reply.status(201).send(present(created));
    },
  );
  app.patch(
    '/api/products/:id',
    {
      config: { policy: partnersPolicy.manage },
      schema: { tags, summary: 'Update a product', params: uuidParam, body: productBody.partial().extend({ version }).strict(), response: { 200: productSchema } },
    },
    async (req) => {
      if (req.body.name) await nameTaken(req.body.name, req.params.id);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(product).where(eq(product.id, req.params.id));
        const { version: v, ...values } = req.body;
        const after = await updateVersioned(tx, product, req.params.id, v, values as never, { what: msg('products.what'), the: msg('products.the') });
        await recordAudit(tx, { actor: req.actor, entityType: 'product', entityId: after.id, action: 'update', before: before ? present(before) : null, after: present(after) });
        return present(after);
      });
    },
  );
};
