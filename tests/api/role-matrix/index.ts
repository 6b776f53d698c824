// A valid request for every route of the role matrix, grouped by feature.
import { complianceRequests } from './compliance.js';
import { dealRequests } from './deals.js';
import { importRequests } from './imports.js';
import { kickbackRequests } from './kickbacks.js';
import { partnerRequests } from './partners.js';
import { registrationRequests } from './registrations.js';
import { platformRequests } from './platform.js';
import { rhythmRequests } from './rhythm.js';
import type { Builders } from './support.js';

function merge(...groups: Builders[]): Builders {
  const all: Builders = {};
  for (const group of groups) {
    for (const [key, build] of Object.entries(group)) {
      if (key in all) throw new Error(`Two valid-request builders for ${key}`);
      all[key] = build;
    }
  }
  return all;
}

export const VALID_REQUESTS = merge(platformRequests, partnerRequests, rhythmRequests, complianceRequests, importRequests, kickbackRequests, registrationRequests, dealRequests);
export { actorOf, type BuildContext, type ValidRequest } from './support.js';
