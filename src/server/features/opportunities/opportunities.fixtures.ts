// Test helpers of the opportunities tests: a deal through the API with sensible defaults.
import { expect } from 'vitest';
import type { Actor } from '../../../../tests/support/actors.js';
import type { TestApp } from '../../../../tests/support/app.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { product } from '../../db/schema/index.js';

export const domainFor = () =>
  `${unique('kunde')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}.ch`;

export async function makeProduct(t: TestApp) {
  const [row] = await t.database.db
    .insert(product)
    .values({ name: unique('Managed Cloud') })
    .returning();
  return row!;
}

/** POST /api/opportunities as `who`, expecting 201; a new partner (sourced) and customer unless given. */
export async function createDeal(t: TestApp, who: Actor, body: Record<string, unknown> = {}) {
  const partners = body.partners ?? [{ partnerId: (await makePartner(t)).id, role: 'sourced' }];
  const res = await who.post('/api/opportunities', {
    title: unique('Deal'),
    customer: { name: unique('Muster AG'), domain: domainFor(), country: 'CH' },
    currency: 'CHF',
    expectedCloseOn: '2027-02-15',
    ...body,
    partners,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
