import { partnersPolicy } from '../partners/index.js';

/**
 * Our team on a partner is part of the partner: read by everyone signed in, changed by those who may
 * edit the partner (members only where they own it or are on its team; the service checks that).
 * Colleagues (name, e-mail, role) are visible to everyone signed in, for pickers and colleague pages.
 */
export const teamPolicy = {
  read: partnersPolicy.read,
  write: partnersPolicy.write,
  colleagues: partnersPolicy.read,
};
