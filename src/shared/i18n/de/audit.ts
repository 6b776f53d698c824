import type en from '../en/audit.js';
import type { Catalogue } from '../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
