export default {
  profile: 'Profile',
  theProfile: 'profile',
};
