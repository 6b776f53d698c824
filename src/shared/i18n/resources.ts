import type en from './en/index.js';
import type { Keys } from './catalogue.js';

/** Every namespace of the catalogue, as the English one spells it. */
export type Resources = typeof en;
export type Namespace = keyof Resources;
/** A server message's key in the `errors` namespace, e.g. `partners.archived`. */
export type ErrorKey = Keys<Resources['errors']>;
