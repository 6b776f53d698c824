import type en from '../../en/errors/search.js';
import type { Catalogue } from '../../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
