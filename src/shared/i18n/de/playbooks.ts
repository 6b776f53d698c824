import type en from '../en/playbooks.js';
import type { Catalogue } from '../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
