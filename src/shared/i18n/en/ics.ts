// What the calendar feeds and meeting files say around the records' own titles.
export default {
  feed: {
    mine: 'Partnerhub · my meetings and deadlines',
    partner: 'Partnerhub · {{partner}}',
  },
  meeting: 'Meeting',
  // "Sync meeting with Acme": the first line of a meeting's description.
  purposeWith: '{{purpose}} with {{partner}}',
  purpose: {
    sync: 'Sync meeting',
    quarterly: 'Quarterly get-together',
    kickoff: 'Kickoff',
    other: 'Other meeting',
  },
  task: 'Task: {{title}}',
  taskOf: 'Task: {{title}} ({{partner}})',
};
