import type en from '../../en/errors/mail.js';
import type { Catalogue } from '../../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
