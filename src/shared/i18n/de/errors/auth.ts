import type en from '../../en/errors/auth.js';
import type { Catalogue } from '../../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
