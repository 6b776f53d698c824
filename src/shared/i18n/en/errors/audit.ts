export default {
  // Whose history only administrators (or the person it is about) may read, by entity type.
  adminOnly: {
    user: 'Only administrators may read the history of user records',
    api_token: 'Only administrators may read the history of api_token records',
  },
};
