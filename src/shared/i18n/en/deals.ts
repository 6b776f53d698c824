// Joint business: opportunities, the board, the pipeline, deal registrations, customers, stages and exchange rates.
export default {
  title: 'Deals',
};
