/** What other features use of the contacts feature: import it from here, not from its files. */
export { createContact, getContact, setContactArchived, updateContact } from './contacts.service.js';
