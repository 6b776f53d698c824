// Test data of deal registrations, straight into the database (see tests/support/factories.ts).
import { partnerProgram, product } from '../../db/schema/index.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import type { TestApp } from '../../../../tests/support/app.js';

export const makeProduct = async (t: TestApp, name = unique('Product')) => (await t.database.db.insert(product).values({ name }).returning())[0]!;
export const makeVendor = (t: TestApp, overrides: Parameters<typeof makePartner>[1] = {}) => makePartner(t, { types: ['software_vendor'], ...overrides });
export const makeReseller = (t: TestApp, overrides: Parameters<typeof makePartner>[1] = {}) => makePartner(t, { types: ['consultant_reseller'], ...overrides });
export async function makeProgram(t: TestApp, partnerId: string, days: number | null) {
  const [row] = await t.database.db
    .insert(partnerProgram)
    .values({ partnerId, name: unique('Programme'), vendor: 'Vendor', registrationProtectionDays: days })
    .returning();
  return row!;
}
