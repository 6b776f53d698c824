export default {
  // The kind of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'Kickback agreement',
  the: 'kickback agreement',
};
