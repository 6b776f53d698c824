// The home page: a greeting, shortcuts to the pages and what is coming next.
export default {
  greeting: {
    morning: 'Good morning, {{name}}',
    afternoon: 'Good afternoon, {{name}}',
    evening: 'Good evening, {{name}}',
  },
  signedInAs: 'Signed in as {{role}}.',
  jumpTo: 'Jump to',
  coming: {
    title: 'Coming to Partnerhub',
    badge: 'In development',
    intro:
      'Partners, their people and the timeline, the relationship rhythm and compliance (certifications, levels, supplier risk, contracts) are in place. These parts follow, each appearing in the navigation as it arrives.',
    deals: { title: 'Deals & registrations', text: 'Joint opportunities and deal registrations with their status and expiry.' },
    funds: { title: 'Funds & invoices', text: 'Marketing development funds, claims and the invoices that collect them.' },
    campaigns: { title: 'Campaigns & events', text: 'Webinars, roadshows and joint campaigns planned with each partner.' },
  },
};
