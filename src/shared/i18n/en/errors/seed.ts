export default {
  notEmpty_one: 'The database already holds {{count}} partner: demo data goes only into an empty portfolio (use --force to add it anyway)',
  notEmpty_other: 'The database already holds {{count}} partners: demo data goes only into an empty portfolio (use --force to add it anyway)',
};
