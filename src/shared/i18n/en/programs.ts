// Partner programmes. So far: the level held, as the partner header shows it (the rest of the pages follow).
export default {
  held: { met: 'met', below: 'below', none: 'Not recorded' },
};
