// Valid requests for tasks, playbooks, onboardings and meetings.
import { createMeeting } from '../../../src/server/features/meetings/meetings.service.js';
import { createSeries } from '../../../src/server/features/meetings/meetings.series.js';
import { startOnboarding } from '../../../src/server/features/onboarding/onboarding.service.js';
import { createPlaybook, setPlaybookArchived } from '../../../src/server/features/playbooks/playbooks.service.js';
import { createTask } from '../../../src/server/features/tasks/tasks.service.js';
import { createMeetingBody, createSeriesBody } from '../../../src/shared/schemas/meeting.js';
import { createPlaybookBody } from '../../../src/shared/schemas/playbook.js';
import { createTaskBody } from '../../../src/shared/schemas/task.js';
import { makePartner, unique } from '../../support/factories.js';
import { actorOf, ownPartner, plain, type BuildContext, type Builders } from './support.js';

const playbookInput = () => ({
  name: unique('Vendor onboarding'),
  partnerType: 'software_vendor',
  steps: [{ title: 'Sign the partner agreement', ownerRole: 'owner', dueAfterDays: 7 }],
});
const playbook = (c: BuildContext) => createPlaybook(c.t.database.db, createPlaybookBody.parse(playbookInput()), actorOf(c.users.admin));

/** A task of the caller's (members may change tasks assigned to or created by them). */
const ownTask = (c: BuildContext) => createTask(c.t.database.db, createTaskBody.parse({ title: unique('Send the price list'), dueDate: '2026-12-01' }), c.actor);

/** An onboarding of a partner the caller owns, started by the administrator. */
async function onboarding(c: BuildContext) {
  const p = await ownPartner(c, { status: 'prospect' });
  return startOnboarding(c.t.database.db, p.id, { playbookId: (await playbook(c)).id }, actorOf(c.users.admin), new Date());
}

// A weekly series starting Thursday 2026-03-19 10:00 in Zurich: its first meeting starts 09:00 UTC.
const SERIES = { title: 'Partner sync', cadence: 'weekly', startLocal: '2026-03-19T10:00' };
const FIRST_MEETING = '2026-03-19T09:00:00.000Z';
const series = async (c: BuildContext, partnerId?: string) =>
  createSeries(c.t.database.db, partnerId ?? (await ownPartner(c)).id, createSeriesBody.parse(SERIES), actorOf(c.users.admin), new Date());
const meeting = async (c: BuildContext, partnerId?: string) =>
  createMeeting(
    c.t.database.db,
    partnerId ?? (await ownPartner(c)).id,
    createMeetingBody.parse({ title: unique('Kick-off'), purpose: 'kickoff', startsAt: '2026-05-04T08:00:00Z', endsAt: '2026-05-04T09:00:00Z' }),
    actorOf(c.users.admin),
  );
const WINDOW = 'from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z';

export const rhythmRequests: Builders = {
  'GET /api/tasks': plain('/api/tasks?status=open&sort=dueDate'),
  'GET /api/tasks/export': plain('/api/tasks/export?status=open&sort=title&format=xlsx&columns=title,status,dueDate'),
  'POST /api/tasks': async (c) => ({
    url: '/api/tasks',
    body: { title: unique('Prepare the QBR'), subject: { type: 'partner', id: (await ownPartner(c)).id }, dueDate: '2026-12-15', priority: 'high' },
  }),
  'POST /api/tasks/complete': async (c) => ({ url: '/api/tasks/complete', body: { ids: [(await ownTask(c)).id] } }),
  'GET /api/tasks/:id': async (c) => ({ url: `/api/tasks/${(await ownTask(c)).id}` }),
  'PATCH /api/tasks/:id': async (c) => {
    const task = await ownTask(c);
    return { url: `/api/tasks/${task.id}`, body: { version: task.version, status: 'in_progress' } };
  },
  'GET /api/tasks/:id/comments': async (c) => ({ url: `/api/tasks/${(await ownTask(c)).id}/comments` }),
  'POST /api/tasks/:id/comments': async (c) => ({ url: `/api/tasks/${(await ownTask(c)).id}/comments`, body: { body: 'Sent it on Monday.' } }),
  'GET /api/my-work': plain('/api/my-work'),
  'GET /api/my-work/export': async (c) => {
    await ownTask(c);
    return { url: '/api/my-work/export?format=xlsx' };
  },

  'GET /api/playbooks': plain('/api/playbooks'),
  'GET /api/playbooks/:id': async (c) => ({ url: `/api/playbooks/${(await playbook(c)).id}` }),
  'POST /api/playbooks': async () => ({ url: '/api/playbooks', body: playbookInput() }),
  'PATCH /api/playbooks/:id': async (c) => {
    const pb = await playbook(c);
    return { url: `/api/playbooks/${pb.id}`, body: { version: pb.version, description: 'For vendors we resell' } };
  },
  'POST /api/playbooks/:id/archive': async (c) => {
    const pb = await playbook(c);
    return { url: `/api/playbooks/${pb.id}/archive`, body: { version: pb.version } };
  },
  'POST /api/playbooks/:id/restore': async (c) => {
    const pb = await playbook(c);
    const archived = await setPlaybookArchived(c.t.database.db, pb.id, true, pb.version, actorOf(c.users.admin));
    return { url: `/api/playbooks/${pb.id}/restore`, body: { version: archived.version } };
  },
  'POST /api/playbooks/starter': plain('/api/playbooks/starter'),
  'GET /api/partners/:id/onboarding': async (c) => ({ url: `/api/partners/${(await onboarding(c)).partner.id}/onboarding` }),
  'POST /api/partners/:id/onboarding': async (c) => ({
    url: `/api/partners/${(await ownPartner(c, { status: 'prospect' })).id}/onboarding`,
    body: { playbookId: (await playbook(c)).id },
  }),
  'GET /api/onboardings': plain('/api/onboardings'),
  'GET /api/onboardings/export': plain('/api/onboardings/export?status=completed&format=xlsx&columns=partner,playbook,durationDays'),
  'GET /api/onboardings/:id': async (c) => ({ url: `/api/onboardings/${(await onboarding(c)).id}` }),
  'POST /api/onboardings/:id/complete': async (c) => {
    const o = await onboarding(c);
    return { url: `/api/onboardings/${o.id}/complete`, body: { reason: 'Agreement signed, the rest follows', version: o.version } };
  },
  'POST /api/onboardings/:id/cancel': async (c) => {
    const o = await onboarding(c);
    return { url: `/api/onboardings/${o.id}/cancel`, body: { reason: 'They chose another distributor', version: o.version } };
  },

  'GET /api/partners/:id/meeting-series': async (c) => ({ url: `/api/partners/${(await series(c)).partner.id}/meeting-series` }),
  'POST /api/partners/:id/meeting-series': async (c) => ({ url: `/api/partners/${(await ownPartner(c)).id}/meeting-series`, body: { ...SERIES, cadence: 'monthly' } }),
  'GET /api/meeting-series/:id': async (c) => ({ url: `/api/meeting-series/${(await series(c)).id}` }),
  'PATCH /api/meeting-series/:id': async (c) => {
    const s = await series(c);
    return { url: `/api/meeting-series/${s.id}`, body: { version: s.version, durationMinutes: 45 } };
  },
  'POST /api/meeting-series/:id/archive': async (c) => {
    const s = await series(c);
    return { url: `/api/meeting-series/${s.id}/archive`, body: { version: s.version } };
  },
  'POST /api/meeting-series/:id/occurrences': async (c) => ({
    url: `/api/meeting-series/${(await series(c)).id}/occurrences`,
    body: { originalStart: FIRST_MEETING, action: 'skip' },
  }),
  'GET /api/partners/:id/meetings': async (c) => ({ url: `/api/partners/${(await meeting(c)).partner.id}/meetings?${WINDOW}` }),
  'POST /api/partners/:id/meetings': async (c) => ({
    url: `/api/partners/${(await ownPartner(c)).id}/meetings`,
    body: { title: 'Joint offer workshop', startsAt: '2026-06-02T12:00:00Z', endsAt: '2026-06-02T13:30:00Z', userIds: [c.as.id] },
  }),
  'GET /api/meetings': plain(`/api/meetings?${WINDOW}`),
  'GET /api/meetings/export': plain(`/api/meetings/export?${WINDOW}&mine=true&format=xlsx&columns=startsAt,title,status`),
  'GET /api/meetings/quarterly': plain('/api/meetings/quarterly?quarter=2026-Q2'),
  'GET /api/meetings/:id': async (c) => ({ url: `/api/meetings/${(await meeting(c)).id}` }),
  'PATCH /api/meetings/:id': async (c) => {
    const m = await meeting(c);
    return { url: `/api/meetings/${m.id}`, body: { version: m.version, notes: 'Both sides want a joint offer.' } };
  },
  'GET /api/meetings/:id/ics': async (c) => ({ url: `/api/meetings/${(await meeting(c, (await makePartner(c.t)).id)).id}/ics` }),
};
