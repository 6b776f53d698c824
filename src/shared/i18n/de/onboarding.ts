import type en from '../en/onboarding.js';
import type { Catalogue } from '../catalogue.js';

export default {} satisfies Catalogue<typeof en>;
