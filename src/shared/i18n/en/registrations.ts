// Deal registrations, outbound (we register in a vendor's or distributor's portal) and inbound (a consultant or reseller registers with us).
export default {
  title: 'Deal registrations',
};
