import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { DbOrTx } from '../../db/client.js';
import { certification, partnerProgram, user, userCertification } from '../../db/schema/index.js';
import { zurichDate } from '../../../shared/days.js';
import type { CertificationCategory } from '../../../shared/compliance.js';
import type { CertificationMatrix, MatrixQuery } from '../../../shared/schemas/certification.js';
import { bestHoldings, evaluate, holdingFactColumns, renewalMap } from './certifications.core.js';
import { csvCell } from '../../lib/csv.js';

/**
 * Colleagues × certifications. Rows: every active colleague (an empty row says "nothing yet", which
 * is what certification planning needs). Columns: certifications someone holds or plans, or, for one
 * programme, its whole catalogue. A cell is the colleague's best holding of that certification.
 */
export async function certificationMatrix(db: DbOrTx, q: MatrixQuery, now: Date): Promise<CertificationMatrix> {
  const today = zurichDate(now);
  const users = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(isNull(user.deactivatedAt))
    .orderBy(asc(sql`lower(${user.name})`), asc(user.id));
  // Joined rather than listed by id: the statement stays the same size however many colleagues there are.
  const holdings = await db
    .select(holdingFactColumns)
    .from(userCertification)
    .innerJoin(user, and(eq(user.id, userCertification.userId), isNull(user.deactivatedAt)))
    .where(isNull(userCertification.archivedAt));
  const ev = evaluate(holdings, await renewalMap(db), today);
  const best = bestHoldings(holdings, ev);
  const heldIds = [...new Set([...best.values()].map((h) => h.certificationId))];
  const certs = await db
    .select({
      id: certification.id,
      name: certification.name,
      examCode: certification.examCode,
      category: certification.category,
      programId: partnerProgram.id,
      programName: partnerProgram.name,
    })
    .from(certification)
    .innerJoin(partnerProgram, eq(partnerProgram.id, certification.programId))
    .where(
      q.programId
        ? and(eq(certification.programId, q.programId), or(isNull(certification.archivedAt), heldIds.length ? inArray(certification.id, heldIds) : sql`false`))
        : heldIds.length
          ? inArray(certification.id, heldIds)
          : sql`false`,
    )
    .orderBy(asc(sql`lower(${partnerProgram.name})`), asc(sql`lower(${certification.name})`), asc(certification.id));
  const shown = new Set(certs.map((c) => c.id));
  const cells = [...best.values()]
    .filter((h) => shown.has(h.certificationId))
    .map((h) => {
      const e = ev.get(h.id)!;
      return {
        userId: h.userId,
        certificationId: h.certificationId,
        holdingId: h.id,
        state: e.state,
        obtainedOn: h.obtainedOn,
        effectiveExpiresOn: e.effective,
        targetOn: h.targetOn,
      };
    });
  return {
    today,
    users,
    certifications: certs.map((c) => ({
      id: c.id,
      name: c.name,
      examCode: c.examCode,
      category: c.category as CertificationCategory,
      program: { id: c.programId, name: c.programName },
    })),
    cells,
  };
}

type Column = CertificationMatrix['certifications'][number];
const label = (c: Column) => (c.examCode && !c.name.endsWith(`(${c.examCode})`) ? `${c.name} (${c.examCode})` : c.name);

/** One row per colleague, a column per certification: its expiry, "planned <target>", "expired <day>" or "no expiry". */
export function matrixCsv(m: CertificationMatrix): string {
  const cells = new Map(m.cells.map((c) => [`${c.userId}|${c.certificationId}`, c]));
  const text = (userId: string, certId: string) => {
    const c = cells.get(`${userId}|${certId}`);
    if (!c) return '';
    if (c.state === 'planned') return `planned ${c.targetOn}`;
    if (c.state === 'expired') return `expired ${c.effectiveExpiresOn}`;
    return c.effectiveExpiresOn ?? 'no expiry';
  };
  // Two programmes may list the same name: the programme tells such columns apart.
  const seen = new Map<string, number>();
  for (const c of m.certifications) seen.set(label(c), (seen.get(label(c)) ?? 0) + 1);
  const columnName = (c: Column) => (seen.get(label(c))! > 1 ? `${c.program.name}: ${label(c)}` : label(c));
  return stringify(
    m.users.map((u) => [csvCell(u.name), ...m.certifications.map((c) => text(u.id, c.id))]),
    // The BOM makes Excel read UTF-8 (umlauts) instead of the local code page.
    { header: true, columns: ['colleague', ...m.certifications.map((c) => csvCell(columnName(c)))], bom: true, record_delimiter: 'windows' },
  );
}

export const matrixFileName = (m: CertificationMatrix) => `certifications-${m.today}.csv`;
