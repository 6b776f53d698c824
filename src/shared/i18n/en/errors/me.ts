export default {
  profile: 'Profile',
  session: 'Session',
  theProfile: 'profile',
};
