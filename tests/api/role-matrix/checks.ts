// What the role matrix expects of one request, judged by its answer and by the whole database
// before and after it.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../src/shared/roles.js';
import type { TestApp } from '../../support/app.js';
import { UNAUDITED_TABLES, type Snapshotter } from '../../support/snapshot.js';
import type { ValidRequest } from './support.js';

export type Who = Role | 'anonymous';
export const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Call extends Omit<ValidRequest, 'status' | 'auditedAs'> {
  method: string;
  who: Who;
}

export interface Caller {
  t: TestApp;
  snapshots: Snapshotter;
  /** The credentials a caller sends (none for anonymous). */
  headers(who: Who): Record<string, string>;
  /** The user id behind a caller. */
  userId(who: Role): string;
}

const businessTables = (changed: string[]) => changed.filter((k) => !UNAUDITED_TABLES.has(k));

export function matrixChecks({ t, snapshots, headers: credentials, userId }: Caller) {
  /** Sends the request and names the tables it changed; `audited` also notes where the audit trail ended. */
  async function observe(call: Call, audited = false) {
    const headers: Record<string, string> = { ...credentials(call.who), ...call.headers };
    let payload = call.payload;
    if (call.body !== undefined) {
      payload = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    const before = await snapshots.take();
    const [mark] = audited ? await t.database.query<{ id: string }>('select coalesce(max(id), 0)::text as id from audit_log') : [];
    const res: LightMyRequestResponse = await t.app.inject({ method: call.method as 'POST', url: call.url, headers, payload });
    const changed = snapshots.changed(before, await snapshots.take());
    const body = call.body === undefined ? '' : ` ${JSON.stringify(call.body).slice(0, 200)}`;
    return {
      res,
      changed,
      /** Audit records the request wrote in the name of this actor id. */
      auditedBy: async (actorId: string) =>
        (await t.database.query<{ n: number }>('select count(*)::int as n from audit_log where id > $1 and actor_id = $2', [mark!.id, actorId]))[0]!.n,
      label: `${call.method} ${call.url}${body} as ${call.who} got ${res.statusCode} ${res.body.slice(0, 300)} (changed: ${changed.join(', ') || 'nothing'})`,
    };
  }

  return {
    /** A caller the route does not allow: 401 or 403, nothing about valid input, and nothing changed. */
    async refused(call: Call) {
      const { res, changed, label } = await observe(call);
      if (call.who === 'anonymous') {
        expect(res.statusCode, label).toBe(401);
        expect(res.json().code, label).toBe('unauthenticated');
      } else {
        expect(res.statusCode, label).toBe(403);
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        expect(res.json().code, label).toBe('forbidden');
        // A denied caller learns nothing about what valid input looks like.
        expect(res.json().errors, label).toBeUndefined();
      }
      expect(changed, `a refused request changed the database: ${label}`).toEqual([]);
    },

    /** An allowed caller with made-up ids or garbage: neither a refusal nor a crash; an error changes nothing. */
    async handled(call: Call) {
      const { res, changed, label } = await observe(call);
      expect(res.statusCode, label).toBeLessThan(500);
      expect([401, 403], label).not.toContain(res.statusCode);
      if (res.statusCode >= 400) expect(changed, `a rejected request changed the database: ${label}`).toEqual([]);
      else if (!WRITES.has(call.method)) expect(businessTables(changed), `a read changed the database: ${label}`).toEqual([]);
      else if (businessTables(changed).length) expect(changed, `a change without an audit record: ${label}`).toContain('audit_log');
    },

    /**
     * An allowed caller with a valid request: success (or the route's documented answer); a read
     * changes nothing, a write changes the database and leaves an audit record in the caller's name.
     */
    async succeeds(call: Call, { status, auditedAs }: Pick<ValidRequest, 'status' | 'auditedAs'>) {
      const { res, changed, auditedBy, label } = await observe(call, WRITES.has(call.method));
      if (status !== undefined) {
        expect(res.statusCode, label).toBe(status);
        if (status >= 400) expect(changed, `a rejected request changed the database: ${label}`).toEqual([]);
        return;
      }
      expect(res.statusCode, label).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, label).toBeLessThan(300);
      if (!WRITES.has(call.method)) {
        expect(businessTables(changed), `a read changed the database: ${label}`).toEqual([]);
        return;
      }
      expect(changed, `a successful write changed nothing: ${label}`).not.toEqual([]);
      if (!businessTables(changed).length) return;
      expect(changed, `a change without an audit record: ${label}`).toContain('audit_log');
      const actor = auditedAs ?? (call.who === 'anonymous' ? undefined : userId(call.who));
      if (actor) expect(await auditedBy(actor), `no audit record names ${auditedAs ?? 'the caller'}: ${label}`).toBeGreaterThan(0);
    },
  };
}
