// What the role matrix's valid-request builders share: their signature and a few records to act on.
import type { Actor } from '../../../src/server/lib/policy.js';
import type { Role } from '../../../src/shared/roles.js';
import type { User } from '../../../src/shared/schemas/user.js';
import type { TestApp } from '../../support/app.js';
import { makePartner, type PartnerRow } from '../../support/factories.js';

/** A request the route must accept from a caller it allows. */
export interface ValidRequest {
  /** The path with real ids and any query string. */
  url: string;
  /** A JSON body. */
  body?: unknown;
  /** A body that is not JSON (multipart, a form); give its content type in `headers`. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  /** The route's documented answer when it is not a success (2xx), e.g. setup once a user exists. */
  status?: number;
  /** Whom the audit records name when it is not the caller (the demo data's own actor). */
  auditedAs?: string;
}

export interface BuildContext {
  t: TestApp;
  /** Who will send the request (the administrator for anonymous and refused callers): records are made so this user may change them. */
  as: User;
  /** `as` as the services know it, for records made through them. */
  actor: Actor;
  /** A signed-in user of each role, for a colleague, an assignee or a team member. */
  users: Record<Role, User>;
  /** Their API tokens, for set-up only the API offers (an upload through the storage). */
  tokens: Record<Role, string>;
  /** The app's signing secret (unsubscribe links). */
  secret: string;
}

/** Makes what the request needs and returns it; called once for each caller that must succeed. */
export type Builder = (c: BuildContext) => Promise<ValidRequest>;
export type Builders = Record<string, Builder>;

export const actorOf = (u: User): Actor => ({ id: u.id, name: u.name, email: u.email, role: u.role, via: 'token' });

/** A partner the caller owns: members may change only partners they own or are on the team of. */
export const ownPartner = (c: BuildContext, overrides: Parameters<typeof makePartner>[1] = {}): Promise<PartnerRow> => makePartner(c.t, { ownerId: c.as.id, ...overrides });

/** A GET route that needs no records. */
export const plain =
  (url: string): Builder =>
  async () => ({ url });
