import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { publicAccess } from '../lib/policy.js';

export default fp(
  async function openapiPlugin(app: FastifyInstance) {
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
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: '__Secure-better-auth.session_token' } },
        },
        security: [{ bearer: [] }, { session: [] }],
      },
      transform: jsonSchemaTransform,
    });
    app.get('/api/openapi.json', { config: { policy: publicAccess }, schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
