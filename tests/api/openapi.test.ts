import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { actor } from '../support/actors.js';

/**
 * The OpenAPI document at /api/openapi.json is what client generators read: it must be valid, and
 * every operation must say which problem+json answers it can give (from the shared definitions).
 */
type FormSchema = { type?: string; properties?: Record<string, { type?: string; format?: string }>; required?: string[] };
type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: { content?: Record<string, { schema?: FormSchema }> };
  responses: Record<string, { $ref?: string }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content: Record<string, unknown> }>; securitySchemes: Record<string, { name?: string }> };
};

let t: TestApp;
let doc: Doc;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => t.close());

const operations = () => Object.entries(doc.paths).flatMap(([url, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${url}`, method, url, op })));

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI document (schemas and references resolved)', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('declares the problem+json answers of every operation from one shared definition', () => {
    for (const status of ['400', '401', '403', '404', '409', '413', '429']) {
      expect(Object.keys(doc.components.responses[`Problem${status}`]!.content)).toEqual(['application/problem+json']);
    }
    const missing: string[] = [];
    for (const { key, method, op } of operations()) {
      const refs = Object.entries(op.responses).filter(([, r]) => r.$ref?.startsWith('#/components/responses/Problem'));
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const need = [
        ...(isPublic ? [] : ['401', '403']),
        ...(op.parameters?.some((p) => p.in === 'path') ? ['404'] : []),
        ...(op.parameters?.length || op.requestBody ? ['400'] : []),
        ...(['post', 'put', 'patch', 'delete'].includes(method) ? ['409'] : []),
      ];
      for (const status of need) if (!refs.some(([s]) => s === status)) missing.push(`${key} ${status}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives every operation a short summary of its own, and a tag', () => {
    const ops = operations();
    const unsummarised = ops.filter(({ op }) => !op.summary?.trim()).map(({ key }) => key);
    expect(unsummarised).toEqual([]);
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { key, op } of ops) {
      const other = seen.get(op.summary!.trim().toLowerCase());
      if (other) duplicates.push(`${other} and ${key}: ${op.summary}`);
      seen.set(op.summary!.trim().toLowerCase(), key);
    }
    expect(duplicates).toEqual([]);
    // A summary is one line that a generated client can use as a doc comment.
    expect(ops.filter(({ op }) => op.summary!.length > 120 || op.summary!.includes('\n')).map(({ key }) => key)).toEqual([]);
    expect(ops.filter(({ op }) => !op.tags?.length).map(({ key }) => key)).toEqual([]);
  });

  it('marks public operations as needing no credentials, and names the session cookie this server sets', () => {
    const ops = new Map(operations().map((o) => [o.key, o.op]));
    expect(ops.get('GET /api/health')!.security).toEqual([]);
    expect(ops.get('GET /api/partners')!.security).toBeUndefined();
    expect(ops.get('GET /api/partners')!.responses['401']).toEqual({ $ref: '#/components/responses/Problem401' });
    // The test app runs on http://localhost: no __Secure- prefix (docs/decisions/0018).
    expect(doc.components.securitySchemes.session!.name).toBe('better-auth.session_token');
  });

  it('declares a multipart/form-data request body, with its fields and file, for every route that takes a multipart body', async () => {
    const admin = await actor(t, 'admin');
    const boundary = 'openapi-test-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="probe"\r\n\r\nx\r\n--${boundary}--\r\n`;
    // Which routes take multipart is what the server does, not what the document says: a route without a
    // multipart parser refuses the body (415) before anything else reads it.
    const takesMultipart: string[] = [];
    for (const { key, method, url } of operations().filter((o) => ['post', 'put', 'patch', 'delete'].includes(o.method))) {
      const res = await admin.inject({
        method: method.toUpperCase() as 'POST',
        url: url.replace(/\{[A-Za-z]+\}/g, '00000000-0000-4000-8000-000000000000'),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      if (!(res.statusCode === 415 && res.json().detail === 'Send the body as application/json')) takesMultipart.push(key);
    }
    const declared = operations().filter(({ op }) => op.requestBody?.content?.['multipart/form-data']);
    expect(declared.map(({ key }) => key).sort()).toEqual(takesMultipart.sort());
    expect(takesMultipart.sort()).toEqual(['POST /api/documents', 'POST /api/documents/{id}/versions', 'POST /api/imports', 'POST /api/unsubscribe']);
    for (const { key, op } of declared) {
      const form = op.requestBody!.content!['multipart/form-data']!.schema!;
      expect(form.type, key).toBe('object');
      expect(Object.keys(form.properties ?? {}).length, key).toBeGreaterThan(0);
    }
    // The uploads: the fields their handlers read, and the file as binary, required.
    const form = (key: string) => declared.find((d) => d.key === key)!.op.requestBody!.content!['multipart/form-data']!.schema!;
    expect(Object.keys(form('POST /api/documents').properties!)).toEqual(['subjectType', 'subjectId', 'title', 'file']);
    expect(form('POST /api/documents').required).toEqual(['subjectType', 'subjectId', 'file']);
    expect(Object.keys(form('POST /api/documents/{id}/versions').properties!)).toEqual(['version', 'file']);
    expect(Object.keys(form('POST /api/imports').properties!)).toEqual(['kind', 'file']);
    for (const key of ['POST /api/documents', 'POST /api/documents/{id}/versions', 'POST /api/imports']) {
      expect(form(key).properties!.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(form(key).required).toContain('file');
    }
  });
});
