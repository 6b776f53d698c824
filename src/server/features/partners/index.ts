/** What other features use of the partners feature: import it from here, not from its files. */
export { partnersPolicy, canEditPartner } from './partners.policy.js';
export { lockPartnerForEdit, forbiddenPartner, type LockedPartner, type PartnerEditOptions } from './partners.guard.js';
export { changePartnerStatus, createPartner, getPartner, listPartners, setArchived, updatePartner } from './partners.service.js';
export { refreshLastContact } from './partners.last-contact.js';
export { editablePartnerIds, withContactCan } from './partners.can.js';
