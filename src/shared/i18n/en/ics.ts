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
  contractNotice: 'Notice deadline: {{title}} ({{partner}})',
  contractEnds: 'Contract ends: {{title}} ({{partner}})',
  contractText: '{{type}} with {{partner}}. {{notice}}.',
  riskReview: 'Risk review due: {{name}}',
  riskReviewText: 'Supplier risk assessment due under the supplier security policy.',
  exam: 'Exam: {{name}}',
  examText: 'Planned certification exam',
  certificationExpires: 'Certification expires: {{name}}',
  certificationExpiresText: 'Last day it is valid; renew before.',
  levelReview: "{{program}}: vendor's level review",
};
