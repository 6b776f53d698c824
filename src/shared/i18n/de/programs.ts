import type en from '../en/programs.js';
import type { Catalogue } from '../catalogue.js';

export default {
  held: { met: 'erfüllt', below: 'unterschritten', none: 'Nicht erfasst' },
} satisfies Catalogue<typeof en>;
