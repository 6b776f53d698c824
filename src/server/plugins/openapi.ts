import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
// @fastify/swagger's own types come from openapi-types.
import type { OpenAPIV3 } from 'openapi-types';
import type { ZodType } from 'zod';
import { ERROR_CODES } from '../../shared/errors.js';
import { publicAccess } from '../lib/policy.js';

/** RFC 9457 problem details with the stable `code`: the one body every API error has (lib/errors.ts). */
const PROBLEM_SCHEMA: OpenAPIV3.SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: [...ERROR_CODES] },
    errors: {
      type: 'array',
      description: 'Field-level messages; `path` names the field, e.g. `body.email`.',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    instance: { type: 'string' },
  },
};

/** The error answers, defined once and referred to by every operation that can give them. */
const PROBLEM_RESPONSES: Record<string, string> = {
  '400': 'The input is invalid: `errors` names each field.',
  '401': 'Not signed in: no session, or no valid API token.',
  '403': 'Signed in, but this role may not do this (or a cookie-authenticated write lacks its CSRF token).',
  '404': 'No such record (or route).',
  '409': 'The record changed since it was read (`version_conflict`), or the change breaks a rule of its state.',
  '413': 'The request body is larger than allowed.',
  '429': 'Too many requests: wait for `Retry-After` seconds.',
};

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses?: Record<string, unknown>; security?: unknown[] };
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** Which error answers an operation can give, from what it takes and whether it needs a sign-in. */
export function problemStatuses(method: string, op: Operation, isPublic: boolean): string[] {
  const params = op.parameters ?? [];
  const statuses = new Set<string>();
  if (params.length || op.requestBody) statuses.add('400');
  if (!isPublic) ['401', '403', '429'].forEach((x) => statuses.add(x));
  if (params.some((p) => p.in === 'path')) statuses.add('404');
  if (WRITES.has(method)) statuses.add('409');
  if (op.requestBody || WRITES.has(method)) statuses.add('413');
  return [...statuses].sort();
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The form fields (and file) of a route that reads a multipart body itself, as the OpenAPI
     * document shows them. Documentation only: the route parses and checks the parts.
     */
    multipartBody?: ZodType;
  }
}

export default fp(
  async function openapiPlugin(app: FastifyInstance, opts: { sessionCookie: string }) {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Partnerhub API',
          version: '1',
          description:
            'REST API of Partnerhub. Authenticate with a personal API token (`Authorization: Bearer ph_…`) ' +
            'or a browser session; cookie-authenticated writes need the `x-csrf-token` header from `GET /api/me`. ' +
            'Errors are RFC 9457 problem+json. Lists take `page`, `pageSize`, `sort` (`-field` for descending), `q` and filters.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: opts.sessionCookie } },
          schemas: { Problem: PROBLEM_SCHEMA },
          responses: Object.fromEntries(
            Object.entries(PROBLEM_RESPONSES).map(([status, description]) => [
              `Problem${status}`,
              { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
            ]),
          ),
        },
        security: [{ bearer: [] }, { session: [] }],
      },
      // A multipart route declares no `body` to validate (it streams the parts itself); its fields are
      // documented from `config.multipartBody`, under the content types it `consumes`.
      transform: (input) => {
        const form = (input.route as { config?: { multipartBody?: ZodType } } | undefined)?.config?.multipartBody;
        return jsonSchemaTransform(form ? { ...input, schema: { ...input.schema, body: form } } : input);
      },
      // Every operation declares the problem answers it can give, by reference to the shared ones;
      // a public operation needs no security.
      transformObject: (doc) => {
        const openapi = (doc as { openapiObject: { paths?: Record<string, Record<string, Operation>> } }).openapiObject;
        const publicRoutes = new Set(app.apiRoutes.filter((r) => r.public).map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`));
        for (const [url, operations] of Object.entries(openapi.paths ?? {})) {
          for (const [method, op] of Object.entries(operations)) {
            const isPublic = publicRoutes.has(`${method} ${url}`);
            if (isPublic) op.security = [];
            op.responses ??= {};
            for (const status of problemStatuses(method, op, isPublic)) op.responses[status] ??= { $ref: `#/components/responses/Problem${status}` };
          }
        }
        return openapi as never;
      },
    });
    app.get('/api/openapi.json', { config: { policy: publicAccess }, schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
