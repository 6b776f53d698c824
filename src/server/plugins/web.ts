import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { webDist } from '../paths.js';

export { webDist };

/** The decoded path of an origin-form (`/a/b?q`) or absolute-form (`http://host/a/b?q`) request target. */
function pathOf(target: string): string | null {
  try {
    return decodeURIComponent(target.startsWith('/') ? target.split('?')[0]! : new URL(target).pathname);
  } catch {
    return null;
  }
}

/** Whether a decoded path's first segment is `api` in any spelling (case, dot segments, `;params`). */
const isApiPath = (p: string) => path.posix.normalize(`/${p}`).split('/')[1]!.split(';')[0]!.toLowerCase() === 'api';

/** Serves the built single-page app; unknown non-API paths get index.html for client routing. */
export default fp(
  async function webPlugin(app: FastifyInstance, opts: { root?: string }) {
    const root = opts.root ?? webDist;
    const index = path.join(root, 'index.html');
    if (!fs.existsSync(index)) {
      app.log.warn(`The web app is not built (${index} is missing): run "npm run build"`);
      return;
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const decoded = pathOf(request.url);
      // Whatever its spelling (case, dot segments, doubled slashes), a path under /api that matched
      // no API route is an API 404, never the web app's page.
      if (decoded === null || isApiPath(decoded)) return reply.callNotFound();
      const rel = decoded.replace(/^\/+/, '');
      const file = path.join(root, rel);
      if (rel && file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
