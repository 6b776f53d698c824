import type en from '../en/products.js';
import type { Catalogue } from '../catalogue.js';

export default {
  list: {
    title: 'Produkte',
    description: 'Unsere eigenen Produkte und Dienstleistungen, die Partner einbeziehen. Die Seite eines Partners listet die auf, an denen er beteiligt ist.',
    add: 'Produkt hinzufügen',
    loading: 'Produkte werden geladen…',
    emptyTitle: 'Der Katalog ist leer',
    emptyWriter:
      'Erfassen Sie die Produkte und Dienstleistungen, die Sie verkaufen und die einen Partner einbeziehen, z. B. eine Managed-Plattform auf Basis der Software eines Herstellers.',
    emptyReader: 'Ein Partner Manager erfasst hier unsere Produkte.',
    caption: 'Produkte, nach Name',
    name: 'Name',
    descriptionColumn: 'Beschreibung',
    actions: 'Aktionen',
    noDescription: 'Keine Beschreibung',
    edit: 'Umbenennen oder beschreiben',
    editAria: '{{name}} bearbeiten',
    count_one: '{{count, number}} Produkt',
    count_other: '{{count, number}} Produkte',
  },
  form: {
    addTitle: 'Produkt hinzufügen',
    editTitle: '{{name}} bearbeiten',
    name: 'Name',
    namePlaceholder: 'z. B. Managed Kubernetes',
    description: 'Beschreibung',
    descriptionHint: 'Was es ist und wie Partner daran beteiligt sind.',
    add: 'Produkt hinzufügen',
    saved: '{{name}} ist gespeichert.',
    added: '{{name}} ist im Katalog.',
    conflict:
      'Jemand anderes hat dieses Produkt inzwischen geändert. Die Liste zeigt jetzt die neue Fassung: Schliessen Sie diesen Dialog, prüfen Sie sie und bearbeiten Sie es dann erneut.',
  },
} satisfies Catalogue<typeof en>;
