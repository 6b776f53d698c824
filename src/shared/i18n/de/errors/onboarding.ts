import type en from '../../en/errors/onboarding.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Das Onboarding',
  the: 'Das Onboarding',
  partner: 'Der Partner',
  onboardingIt: 'ein Onboarding beginnen',
  alreadyOnboarding:
    'Für {{partner}} läuft bereits ein Onboarding mit «{{playbook}}» (begonnen am {{startedOn}}): Schliessen Sie dieses Onboarding ab oder brechen Sie es ab, bevor Sie ein weiteres beginnen',
  moved: 'Das Onboarding wurde inzwischen einem anderen Partner zugeordnet: Laden Sie neu und versuchen Sie es noch einmal',
  closed: {
    completed: {
      completed: 'Dieses Onboarding ist bereits abgeschlossen: Nur ein laufendes Onboarding kann abgeschlossen werden',
      cancelled: 'Dieses Onboarding ist bereits abgeschlossen: Nur ein laufendes Onboarding kann abgebrochen werden',
    },
    cancelled: {
      completed: 'Dieses Onboarding ist bereits abgebrochen: Nur ein laufendes Onboarding kann abgeschlossen werden',
      cancelled: 'Dieses Onboarding ist bereits abgebrochen: Nur ein laufendes Onboarding kann abgebrochen werden',
    },
  },
  field: {
    unknownPlaybook: 'ist kein bekanntes Playbook',
    archivedPlaybook: '«{{name}}» ist archiviert: Wählen Sie ein Playbook, das in Gebrauch ist',
    emptyPlaybook: '«{{name}}» hat keine Schritte',
  },
} satisfies Catalogue<typeof en>;
