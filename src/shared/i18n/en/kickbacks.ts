// Kickbacks: agreements with consultants and resellers, commission lines and statements, the finance view.
export default {
  title: 'Kickbacks',
};
