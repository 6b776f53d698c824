import type en from '../../en/errors/products.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Das Produkt',
  the: 'Das Produkt',
  nameUsed: 'ist bereits im Katalog',
} satisfies Catalogue<typeof en>;
