/**
 * A CSV cell that spreadsheets show as text. They run cells that start with = + - @ (or a tab or
 * carriage return) as formulas; a leading apostrophe keeps them text (OWASP "CSV injection").
 */
export const csvCell = (v: string | null | undefined): string => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));
