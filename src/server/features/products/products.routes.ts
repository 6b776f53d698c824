import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { productBody, productSchema } from '../../../shared/schemas/partner.js';
import { uuidParam, version } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { product } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError, msg } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { partnersPolicy } from '../partners/index.js';

const tags = ['Products'];
const present = (p: typeof product.$inferSelect) => ({ id: p.id, name: p.name, description: p.description, version: p.version });

/** Our own products and services that include partners: a small catalogue the Partner Manager keeps. */
export const productsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const nameTaken = async (name: string, exceptId?: string) => {
    const rows = await db.select({ id: product.id }).from(product).where(eq(product.name, name));
    if (rows.some((r) => r.id !== exceptId)) throw fieldError('body.name', msg('products.nameUsed'));
  };
  app.get(
    '/api/products',
    { config: { policy: partnersPolicy.read }, schema: { tags, summary: 'List our products and services', response: { 200: z.object({ items: z.array(productSchema) }) } } },
    async () => ({
      items: (await db.select().from(product).orderBy(asc(product.name))).map(present),
    }),
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
