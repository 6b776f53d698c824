export default {
  what: 'Notification',
  badUnsubscribeLink: 'is not a valid unsubscribe link',
  accountGone: 'This unsubscribe link belongs to an account that no longer exists',
  unreadableForm: 'The form could not be read: send List-Unsubscribe=One-Click as multipart/form-data or a URL-encoded form',
  notAForm: 'is not a readable form',
};
