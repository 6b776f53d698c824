import type { DocumentSubject } from '../../../shared/compliance.js';
import type { Role } from '../../../shared/roles.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, msg, type Msg } from '../../lib/errors.js';
import { roles, signedIn, type Actor } from '../../lib/policy.js';
import { canEditPartner } from '../partners/index.js';

export const documentsPolicy = {
  /** Everyone signed in may ask; which documents they get is decided per subject below. */
  read: signedIn,
  /** Upload, new version, archive: writers, further limited per subject below. */
  write: roles('admin', 'manager', 'member'),
};

/**
 * all: every caller of that role · team: members who own the partner or are on its team ·
 * holder: the person who holds the certification · none.
 */
export type Rule = 'all' | 'team' | 'holder' | 'none';
type Table = Record<DocumentSubject, Record<'read' | 'write', Record<Role, Rule>>>;

/**
 * Who may read and write the documents of each kind of record. Partner files are everyone's to
 * read (like the partner itself); contracts and risk assessments are confidential: viewers never,
 * members only for their partners, finance reads them (it pays and invoices against contracts).
 * Certification evidence is personal: the holder and those who manage people.
 */
export const DOCUMENT_ACCESS: Table = {
  partner: {
    read: { admin: 'all', manager: 'all', member: 'all', finance: 'all', viewer: 'all' },
    write: { admin: 'all', manager: 'all', member: 'team', finance: 'none', viewer: 'none' },
  },
  contract: {
    read: { admin: 'all', manager: 'all', member: 'team', finance: 'all', viewer: 'none' },
    write: { admin: 'all', manager: 'all', member: 'team', finance: 'none', viewer: 'none' },
  },
  risk_assessment: {
    read: { admin: 'all', manager: 'all', member: 'team', finance: 'all', viewer: 'none' },
    write: { admin: 'all', manager: 'all', member: 'team', finance: 'none', viewer: 'none' },
  },
  user_certification: {
    read: { admin: 'all', manager: 'all', member: 'holder', finance: 'holder', viewer: 'holder' },
    write: { admin: 'all', manager: 'all', member: 'holder', finance: 'none', viewer: 'none' },
  },
};

export interface SubjectRef {
  type: DocumentSubject;
  partnerId: string | null;
  /** The certification's holder (user_certification only). */
  holderId: string | null;
}

/** Whether the actor may read or write the documents of this subject. */
export async function mayAccess(tx: DbOrTx, actor: Actor, subject: SubjectRef, action: 'read' | 'write'): Promise<boolean> {
  const rule = DOCUMENT_ACCESS[subject.type][action][actor.role];
  if (rule === 'all') return true;
  if (rule === 'holder') return subject.holderId === actor.id;
  if (rule === 'team') return subject.partnerId !== null && canEditPartner(tx, actor, subject.partnerId);
  return false;
}

const DENIED: Record<DocumentSubject, Msg> = {
  partner: msg('documents.denied.partner'),
  contract: msg('documents.denied.contract'),
  risk_assessment: msg('documents.denied.risk_assessment'),
  user_certification: msg('documents.denied.user_certification'),
};

export async function assertMayAccess(tx: DbOrTx, actor: Actor, subject: SubjectRef, action: 'read' | 'write'): Promise<void> {
  if (!(await mayAccess(tx, actor, subject, action))) throw new AppError('forbidden', DENIED[subject.type]);
}
