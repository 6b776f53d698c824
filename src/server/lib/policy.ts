import type { Role } from '../../shared/roles.js';
import type { Locale } from '../../shared/i18n/locales.js';

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  /** The user's chosen language, null when they follow their browser; answers use it when a request names none. */
  locale?: Locale | null;
}

/**
 * Who may call a route. Every route under /api declares one in `config.policy`; the app refuses
 * to start with a route that has none, and the role-matrix test reads them back.
 */
export interface Policy {
  name: string;
  /** No sign-in needed. */
  public?: boolean;
  allow(actor: Actor): boolean;
}

export const publicAccess: Policy = { name: 'public', public: true, allow: () => true };
export const signedIn: Policy = { name: 'signed-in', allow: () => true };
export const roles = (...allowed: Role[]): Policy => ({
  name: `roles:${allowed.join(',')}`,
  allow: (actor) => allowed.includes(actor.role),
});

/** Roles that may write partner business data (members only what they own; checked in services). */
export const WRITERS: Role[] = ['admin', 'manager', 'member'];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
