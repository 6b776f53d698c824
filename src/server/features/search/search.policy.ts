import { partnersPolicy } from '../partners/index.js';

/** Search reads partners, contacts and the timeline: whoever may read those may search them. */
export const searchPolicy = { search: partnersPolicy.read };
