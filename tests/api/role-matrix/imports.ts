// Valid requests for imports: each makes a fresh import of one new partner as the caller.
import { multipart } from '../../../src/server/features/documents/documents.fixtures.js';
import { bearer } from '../../support/app.js';
import { unique } from '../../support/factories.js';
import type { BuildContext, Builders } from './support.js';

const file = (name: string) => Buffer.from(`Company name,Type\r\n${name},Distributor\r\n`, 'utf8');
const uploadOf = (name: string) =>
  multipart([
    { name: 'kind', value: 'partners' },
    { name: 'file', fileName: 'companies.csv', data: file(name) },
  ]);

/** An import uploaded by the caller (through the administrator's token when the caller may not). */
async function pending(c: BuildContext): Promise<{ id: string; version: number; mapping: (string | null)[] }> {
  const { payload, headers } = uploadOf(unique('Imported'));
  const res = await c.t.app.inject({ method: 'POST', url: '/api/imports', payload, headers: { ...headers, ...bearer(c.tokens.admin) } });
  if (res.statusCode !== 201) throw new Error(`import upload failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function committed(c: BuildContext): Promise<{ id: string; version: number }> {
  const imp = await pending(c);
  const res = await c.t.app.inject({ method: 'POST', url: `/api/imports/${imp.id}/commit`, payload: { version: imp.version }, headers: bearer(c.tokens.admin) });
  if (res.statusCode !== 200) throw new Error(`import commit failed: ${res.statusCode} ${res.body}`);
  return res.json().import;
}

export const importRequests: Builders = {
  'GET /api/imports': async () => ({ url: '/api/imports' }),
  'POST /api/imports': async () => {
    const { payload, headers } = uploadOf(unique('Imported'));
    return { url: '/api/imports', payload, headers };
  },
  'GET /api/imports/:id': async (c) => ({ url: `/api/imports/${(await pending(c)).id}` }),
  'GET /api/imports/:id/rows': async (c) => ({ url: `/api/imports/${(await pending(c)).id}/rows` }),
  'PUT /api/imports/:id/mapping': async (c) => {
    const imp = await pending(c);
    return { url: `/api/imports/${imp.id}/mapping`, body: { mapping: ['name', null], defaults: { types: ['distributor'] }, version: imp.version } };
  },
  'PATCH /api/imports/:id/rows': async (c) => {
    const imp = await pending(c);
    return { url: `/api/imports/${imp.id}/rows`, body: { rows: [{ row: 2, decision: 'skip' }], version: imp.version } };
  },
  'POST /api/imports/:id/commit': async (c) => {
    const imp = await pending(c);
    return { url: `/api/imports/${imp.id}/commit`, body: { version: imp.version } };
  },
  'POST /api/imports/:id/undo': async (c) => {
    const imp = await committed(c);
    return { url: `/api/imports/${imp.id}/undo`, body: { version: imp.version } };
  },
};
