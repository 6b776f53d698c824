import type en from '../../en/errors/risk.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  assessment: { what: 'Die Risikobewertung', the: 'Die Risikobewertung' },
  criterion: { what: 'Das Risikokriterium', the: 'Das Risikokriterium' },
  policy: { what: 'Die Risikorichtlinie', the: 'Die Risikorichtlinie' },
  finding: 'Der Befund',
  partner: 'Der Partner',
  assessingIt: 'ihn bewerten',
  recordingServiceChange: 'eine Änderung seiner Leistung erfassen',
  immutable: {
    approved: 'Diese Bewertung ist freigegeben und kann nicht mehr geändert werden: Beginnen Sie stattdessen eine neue Bewertung',
    superseded: 'Diese Bewertung ist abgelöst und kann nicht mehr geändert werden: Beginnen Sie stattdessen eine neue Bewertung',
  },
  moved: 'Die Bewertung wurde inzwischen einem anderen Partner zugeordnet: Laden Sie neu und versuchen Sie es noch einmal',
  draftExists: 'Für diesen Partner gibt es bereits einen Entwurf einer Bewertung: Führen Sie ihn weiter oder löschen Sie ihn, bevor Sie eine neue beginnen',
  noCriteria: 'Der Katalog der Risikokriterien ist leer: Eine Administratorin oder ein Administrator fügt zuerst unter Risikorichtlinie Kriterien (oder die Startvorlage) hinzu',
  criterionArchived: 'Das Kriterium ist archiviert: Stellen Sie es wieder her, bevor Sie es ändern',
  policyChanged: 'Die Risikorichtlinie wurde von jemand anderem geändert. Laden Sie neu und versuchen Sie es noch einmal.',
  fourEyes: {
    started: 'Vier-Augen-Prinzip: Sie haben diese Bewertung begonnen, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
    changed: 'Vier-Augen-Prinzip: Sie haben diese Bewertung zuletzt geändert, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
    assessor: 'Vier-Augen-Prinzip: Sie sind bei dieser Bewertung als bewertende Person eingetragen, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
    started_changed: 'Vier-Augen-Prinzip: Sie haben diese Bewertung begonnen und zuletzt geändert, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
    started_assessor:
      'Vier-Augen-Prinzip: Sie haben diese Bewertung begonnen und sind als bewertende Person eingetragen, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
    changed_assessor:
      'Vier-Augen-Prinzip: Sie haben diese Bewertung zuletzt geändert und sind als bewertende Person eingetragen, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
    started_changed_assessor:
      'Vier-Augen-Prinzip: Sie haben diese Bewertung begonnen, zuletzt geändert und sind als bewertende Person eingetragen, deshalb muss ein anderer Partner Manager oder Administrator sie freigeben',
  },
  incomplete: 'Die Bewertung ist nicht vollständig: {{missing}}',
  isMissing: '{{what}} fehlt',
  missing: {
    noCriteria: 'Die Bewertung hat keine Kriterien: Fügen Sie dem Katalog Kriterien hinzu und beginnen Sie eine neue',
    assessor: 'Die bewertende Person',
    assessedOn: 'Das Bewertungsdatum',
    score: 'Die Punktzahl für «{{criterion}}»',
    list: '{{first}}; {{rest}}',
  },
  field: {
    inactiveUser: 'ist keine aktive Benutzerin und kein aktiver Benutzer',
    keyUsed: 'wird bereits von einem anderen Kriterium verwendet',
    unknownCriterion: 'ist kein Kriterium dieser Bewertung',
  },
} satisfies Catalogue<typeof en>;
