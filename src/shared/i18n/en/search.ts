// Record search in the command palette: partners, contacts and timeline entries.
export default {
  group: {
    partner: 'Partners',
    contact: 'Contacts',
    activity: 'Timeline',
  },
  error: {
    group: 'Search',
    label: 'Search is not available right now',
    description: 'Try again in a moment',
  },
};
