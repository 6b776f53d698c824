import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { productSchema } from '../../../shared/schemas/partner.js';
import type { DbOrTx } from '../../db/client.js';
import { product } from '../../db/schema/index.js';

export type Product = z.infer<typeof productSchema>;

export const presentProduct = (p: typeof product.$inferSelect): Product => ({ id: p.id, name: p.name, description: p.description, version: p.version });

/** The whole catalogue by name: it stays small (our own products and services), so the list has no paging. */
export async function listProducts(db: DbOrTx): Promise<Product[]> {
  return (await db.select().from(product).orderBy(asc(product.name))).map(presentProduct);
}
