/**
 * Feature modules that register calendar deadlines (`registerCalendarSource`) and reminders
 * (`registerReminderSource`). The calendar and the reminders job import this file, so what they
 * show never depends on which routes happen to be loaded. A feature adds one line here.
 */
import './contracts/contracts.sources.js';
import './risk/risk.sources.js';
import './programs/programs.sources.js';
import './certifications/certifications.sources.js';
import './kickbacks/kickbacks.sources.js';
import './registrations/registrations.sources.js';
