import type en from '../en/home.js';
import type { Catalogue } from '../catalogue.js';

export default {
  greeting: {
    morning: 'Guten Morgen, {{name}}',
    afternoon: 'Guten Tag, {{name}}',
    evening: 'Guten Abend, {{name}}',
  },
  signedInAs: 'Angemeldet als {{role}}.',
  jumpTo: 'Direkt zu',
  coming: {
    title: 'Demnächst in Partnerhub',
    badge: 'In Entwicklung',
    intro:
      'Partner, ihre Personen und der Verlauf, der Beziehungsrhythmus und die Compliance (Zertifizierungen, Levels, Lieferantenrisiko, Verträge) sind vorhanden. Diese Teile folgen; jeder erscheint in der Navigation, sobald er verfügbar ist.',
    deals: { title: 'Deals & Registrierungen', text: 'Gemeinsame Opportunities und Deal Registrations mit Status und Ablaufdatum.' },
    funds: { title: 'MDF & Rechnungen', text: 'Marketing Development Funds (MDF), Rückforderungen und die Rechnungen, mit denen sie eingezogen werden.' },
    campaigns: { title: 'Kampagnen & Events', text: 'Webinare, Roadshows und gemeinsame Kampagnen, mit jedem Partner geplant.' },
  },
} satisfies Catalogue<typeof en>;
