export default {
  assignment: 'Team assignment',
  colleague: 'Colleague',
  changingItsTeam: 'changing its team',
  notActiveUser: 'is not an active user',
  alreadyOnTeam: '{{name}} is already on the team as {{role}}',
  // The role as the API names it: the English answer keeps the API's own word.
  role: {
    owner: 'owner',
    sales: 'sales',
    marketing: 'marketing',
    technical_lead: 'technical_lead',
    executive_sponsor: 'executive_sponsor',
  },
};
