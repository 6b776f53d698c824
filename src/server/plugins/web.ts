import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { webDist } from '../paths.js';

export { webDist };

/** Serves the built single-page app; unknown non-API paths get index.html for client routing. */
export default fp(
  async function webPlugin(app: FastifyInstance) {
    const index = path.join(webDist, 'index.html');
    if (!fs.existsSync(index)) {
      app.log.warn(`The web app is not built (${index} is missing): run "npm run build"`);
      return;
    }
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache') });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const rel = decodeURIComponent(request.url.split('?')[0]!).replace(/^\/+/, '');
      const file = path.join(webDist, rel);
      if (rel && file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
