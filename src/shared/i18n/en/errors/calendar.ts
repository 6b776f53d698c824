export default {
  feed: 'Calendar feed',
  unknownPartner: 'is not a known partner',
};
