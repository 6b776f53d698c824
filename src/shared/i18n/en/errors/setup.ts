export default {
  alreadySetUp: 'Partnerhub is already set up: sign in instead',
  tooManyAttempts: 'Too many first-run attempts from this address: try again in {{seconds}} s',
};
