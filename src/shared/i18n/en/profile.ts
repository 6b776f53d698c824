export default {
  language: {
    heading: 'Language',
    description: 'Screens, e-mails and calendar files use it.',
    browser: 'Follow the browser',
    saved: 'Your language is saved.',
  },
};
