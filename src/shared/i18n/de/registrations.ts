import type en from '../en/registrations.js';
import type { Catalogue } from '../catalogue.js';

export default {
  title: 'Deal Registrations',
  direction: { outbound: 'Ausgehend', inbound: 'Eingehend' },
  status: { draft: 'Entwurf', submitted: 'Eingereicht', approved: 'Genehmigt', rejected: 'Abgelehnt', won: 'Gewonnen', expired: 'Abgelaufen' },
  field: {
    customer: 'Kunde',
    customerName: 'Name des Kunden',
    domain: 'Webdomain',
    country: 'Land',
    direction: 'Richtung',
    partner: 'Partner',
    program: 'Programm',
    status: 'Status',
    products: 'Produkte',
    estimatedValue: 'Geschätzter Wert',
    currency: 'Währung',
    filedAt: 'Eingereicht',
    submittedOn: 'Eingereicht am',
    approvedOn: 'Genehmigt am',
    protectedUntil: 'Geschützt bis',
    extendedOn: 'Verlängert am',
    portalReference: 'Referenz im Portal',
    portalUrl: 'Link zum Portal',
    benefit: 'Rabatt oder Preisschutz',
    owner: 'Verantwortlich',
    contact: 'Kontakt beim Partner',
    opportunity: 'Opportunity',
    expectedCloseOn: 'Erwarteter Abschluss',
    notes: 'Notizen',
    rejectionReason: 'Grund der Ablehnung',
    decisionReason: 'Begründung des Entscheids',
  },
  reminder: {
    title_one: '{{customer}} ({{partner}}): Schutz der Registrierung endet morgen',
    title_other: '{{customer}} ({{partner}}): Schutz der Registrierung endet in {{count}} Tagen',
    title_zero: '{{customer}} ({{partner}}): Schutz der Registrierung endet heute',
    body: {
      outbound: 'Ausgehende Deal Registration, geschützt bis {{day}}',
      inbound: 'Eingehende Deal Registration, geschützt bis {{day}}',
    },
  },
  calendar: {
    title: 'Schutz der Registrierung endet: {{customer}} ({{partner}})',
    description: { outbound: 'Ausgehende Deal Registration', inbound: 'Eingehende Deal Registration' },
  },
} satisfies Catalogue<typeof en>;
