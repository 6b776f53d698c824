import type en from '../en/profile.js';
import type { Catalogue } from '../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
