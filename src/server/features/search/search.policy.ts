import { partnersPolicy } from '../partners/partners.policy.js';

/** Search reads partners, contacts and the timeline: whoever may read those may search them. */
export const searchPolicy = { search: partnersPolicy.read };
