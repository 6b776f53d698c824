// Runs before the first paint so a dark-mode user never sees a white flash. It mirrors what
// Mantine's localStorage colour-scheme manager does once React starts.
(function () {
  try {
    var saved = window.localStorage.getItem('mantine-color-scheme-value');
    var scheme = saved === 'light' || saved === 'dark' ? saved : window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  } catch {
    /* storage blocked: Mantine decides after start */
  }
})();
