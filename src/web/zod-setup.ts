import { z } from 'zod';

// The CSP forbids eval. zod probes `new Function` when a schema is built unless told not to, and
// the probe alone reports a violation; so this module is imported first, before any schema.
z.config({ jitless: true });
