export default {
  what: 'API token',
};
