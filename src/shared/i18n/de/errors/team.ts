import type en from '../../en/errors/team.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  assignment: 'Teamzuordnung',
  colleague: 'Kollegin oder Kollege',
  changingItsTeam: 'sein Team ändern',
  notActiveUser: 'ist keine aktive Benutzerin und kein aktiver Benutzer',
  alreadyOnTeam: '{{name}} ist bereits im Team als {{role}}',
  role: {
    owner: 'Verantwortlich',
    sales: 'Verkauf',
    marketing: 'Marketing',
    technical_lead: 'Technische Leitung',
    executive_sponsor: 'Executive Sponsor',
  },
} satisfies Catalogue<typeof en>;
