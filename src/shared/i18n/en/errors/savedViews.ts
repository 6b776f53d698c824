export default {
  what: 'Saved view',
};
