export default {
  // The kinds of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'Programme',
  the: 'programme',
  checklistItem: { what: 'Checklist item', the: 'checklist item' },
  partner: 'Partner',
  archived: 'The programme is archived: restore it before changing it',
  nameTaken: 'Another programme is already called "{{name}}": rename or archive it first',
  field: {
    nameUsed: 'is already used by another programme',
    unknownPartner: 'is not a known partner',
    notALevel: 'is not a level of this programme',
    unknownLevel: 'is not a level of this programme (or is listed twice)',
    unknownItem: 'is not a checklist item of this level (or is listed twice)',
    unknownCertification: 'is not a certification of the catalogue (or it is archived)',
  },
};
