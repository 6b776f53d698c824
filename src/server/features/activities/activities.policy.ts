import { partnersPolicy } from '../partners/index.js';

/**
 * The timeline is part of a partner: read by everyone signed in, written by those who may edit the
 * partner (members only for partners they own or are on the team of; the service checks that).
 */
export const activitiesPolicy = {
  read: partnersPolicy.read,
  write: partnersPolicy.write,
};
