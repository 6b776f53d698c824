import { describe, expect, it } from 'vitest';
import { CUSTOMERS_OUT_OF_SCOPE } from '../../../shared/partners.js';
import { ApiError } from '../../api.js';
import { formFieldOf, serverFieldErrors } from '../../components/useSchemaForm.js';
import { emptyValues, fieldOf, partnerFormSchema, toBody, toPatch, type PartnerFormValues } from './partnerForm.js';
import { sameView, viewSearch } from './savedViews.js';

describe('partner form', () => {
  it('sends empty texts as null and links as an object', () => {
    const body = toBody({ ...emptyValues(null), name: '  Kubeforge ', types: ['software_vendor'], portal: 'https://p.example', legalName: '  ' });
    expect(body.name).toBe('Kubeforge');
    expect(body.legalName).toBeNull();
    expect(body.links).toEqual({ portal: 'https://p.example', brandGuidelines: null, prGuidelines: null, priceList: null });
  });

  it('checks with the shared schema and puts messages on the form fields', () => {
    const messages = (v: PartnerFormValues) => {
      const out: Record<string, string> = {};
      for (const issue of partnerFormSchema.safeParse(v).error?.issues ?? []) {
        const field = formFieldOf(v, fieldOf(issue.path.join('.')));
        if (field && !out[field]) out[field] = issue.message;
      }
      return out;
    };
    const errors = messages({ ...emptyValues(null), website: 'not a url', priceList: 'ftp://x.example' });
    expect(errors.name).toBe('is required');
    expect(errors.types).toBe('needs at least one partner type');
    expect(errors.website).toBe('must be an http(s) URL');
    expect(errors.priceList).toBe('must be an http(s) URL');
    expect(messages({ ...emptyValues(null), name: 'X', types: ['customer' as never] }).types).toBe(CUSTOMERS_OUT_OF_SCOPE);
  });

  it('sends the parsed body: trimmed, without duplicates', () => {
    const body = partnerFormSchema.parse({ ...emptyValues(null), name: ' A ', types: ['distributor', 'distributor'], tags: ['x', 'x'] });
    expect(body).toMatchObject({ name: 'A', types: ['distributor'], tags: ['x'] });
  });

  it('patches only what changed, with the version and the note of a status change', () => {
    const before = partnerFormSchema.parse({ ...emptyValues(null), name: 'A', types: ['distributor' as const] });
    expect(toPatch(before, before, 'ignored', 3)).toEqual({ version: 3 });
    expect(toPatch(before, { ...before, status: 'active', tags: ['x'] }, ' signed ', 3)).toEqual({ version: 3, status: 'active', statusNote: 'signed', tags: ['x'] });
  });

  it('maps server field errors, links and list items included', () => {
    const e = new ApiError({
      type: 'about:blank',
      title: 'Bad',
      status: 400,
      code: 'validation_failed',
      errors: [
        { path: 'body.name', message: 'is already used by another partner' },
        { path: 'body.links.portal', message: 'must be an http(s) URL' },
        { path: 'body.types.0', message: CUSTOMERS_OUT_OF_SCOPE },
        { path: 'body.unknown', message: 'is not allowed' },
      ],
    });
    const values = { ...emptyValues(null), types: ['customer' as never] };
    expect(serverFieldErrors(e, values, fieldOf)).toEqual({
      fields: { name: 'is already used by another partner', portal: 'must be an http(s) URL', types: CUSTOMERS_OUT_OF_SCOPE },
      rest: 1,
    });
    expect(formFieldOf({ items: [{ name: '' }] }, 'items.0.name')).toBe('items.0.name');
  });
});

describe('saved views', () => {
  it('turn into the address and compare regardless of order and page', () => {
    const search = viewSearch({ id: '1', resource: 'partners', name: 'V', query: { type: 'distributor', sort: '-name' }, columns: ['status', 'owner'] });
    expect(search.toString()).toBe('type=distributor&sort=-name&cols=status%2Cowner');
    expect(sameView(search, new URLSearchParams('cols=status,owner&page=2&sort=-name&type=distributor'))).toBe(true);
    expect(sameView(search, new URLSearchParams('type=distributor'))).toBe(false);
  });
});
