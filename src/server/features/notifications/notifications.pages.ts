// The two small pages of a mail's unsubscribe link: plain HTML, no web app, no sign-in, no script
// (the security headers' CSP allows none inline; a form posting to our own origin needs none).

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Partnerhub</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}a{color:#1864ab}
button{font:inherit;padding:.5rem 1rem;border-radius:.25rem;border:1px solid #1864ab;background:#1864ab;color:#fff;cursor:pointer}</style></head>
<body><main>${body}</main></body></html>`;

/**
 * What the link in a mail opens (GET): it asks, and changes nothing. Mail scanners and link
 * previews follow links; only the button (a POST to the same URL) unsubscribes.
 */
export const confirmUnsubscribePage = (what: string, token: string, baseUrl: string) =>
  page(
    'Unsubscribe',
    `<h1>Unsubscribe?</h1><p>You get ${escapeHtml(what)} by e-mail. Press the button to stop them.</p>
<form method="post" action="/api/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">Unsubscribe from ${escapeHtml(what)}</button></form>
<p>Or choose what you get under <a href="${escapeHtml(baseUrl)}/profile">Profile → Notifications</a>.</p>`,
  );

/** The answer to the button's POST. */
export const unsubscribedPage = (what: string, baseUrl: string) =>
  page(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1><p>You will no longer get ${escapeHtml(what)} by e-mail.</p>
<p>Changed your mind? Choose what you get under <a href="${escapeHtml(baseUrl)}/profile">Profile → Notifications</a>.</p>`,
  );
