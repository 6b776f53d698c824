export default {
  what: 'Mail message',
};
