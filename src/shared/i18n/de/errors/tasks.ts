import type en from '../../en/errors/tasks.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Aufgabe',
  the: 'Die Aufgabe',
  forbidden: 'Mitglieder dürfen nur Aufgaben ändern, die ihnen zugewiesen sind, die sie erstellt haben oder die zu Partnern gehören, die ihnen gehören oder in deren Team sie sind',
  addingTasks: 'ihm Aufgaben hinzufügen',
  notActiveUser: 'ist keine aktive Benutzerin und kein aktiver Benutzer',
  unknownTasks_one: '{{ids}} ist keine bekannte Aufgabe',
  unknownTasks_other: '{{ids}} sind keine bekannten Aufgaben',
  unknownSubject: {
    partner: 'ist kein bekannter Partner',
    contact: 'ist kein bekannter Kontakt',
    meeting: 'ist kein bekanntes Meeting',
    onboarding: 'ist kein bekanntes Onboarding',
    risk_assessment: 'ist keine bekannte Risikobeurteilung',
    contract: 'ist kein bekannter Vertrag',
    opportunity: 'ist keine bekannte Opportunity',
  },
} satisfies Catalogue<typeof en>;
