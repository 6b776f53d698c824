import type en from '../en/email.js';
import type { Catalogue } from '../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
