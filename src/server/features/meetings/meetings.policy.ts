import { partnersPolicy } from '../partners/index.js';

/**
 * Meetings are part of a partner: read by everyone signed in, written by those who may edit the
 * partner (members only for partners they own or are on the team of; the services check that).
 */
export const meetingsPolicy = {
  read: partnersPolicy.read,
  write: partnersPolicy.write,
};
