import type en from '../../en/errors/auth.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  bearerFormat: 'Der Authorization-Header muss «Bearer <API-Token>» lauten',
  tokenInvalid: 'Das API-Token ist ungültig, abgelaufen oder widerrufen',
  noPolicy: 'Diese Route legt keine Berechtigung fest',
  signIn: 'Melden Sie sich an oder senden Sie ein API-Token als «Authorization: Bearer <Token>»',
  csrf: 'Ein {{method}} mit Cookie-Anmeldung braucht den Header {{header}} von GET /api/me',
  roleMayNot: 'Ihre Rolle ({{role}}) darf das nicht',
  role: { viewer: 'Leser', member: 'Mitglied', manager: 'Manager', admin: 'Administrator', finance: 'Finanzen' },
  notEndpoint: '{{method}} {{path}} ist kein Endpunkt dieses Servers',
  tokenRate: 'Dieses API-Token hat mehr als {{max}} Anfragen in einer Minute gestellt: Versuchen Sie es in {{seconds}} s erneut',
  signInLimited_one: 'Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto. Versuchen Sie es in {{count}} Minute erneut.',
  signInLimited_other: 'Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto. Versuchen Sie es in {{count}} Minuten erneut.',
  deactivated: 'Dieses Konto ist deaktiviert. Wenden Sie sich an eine Administratorin oder einen Administrator.',
  betterAuth: {
    tooManyRequests: 'Zu viele Anfragen. Versuchen Sie es später erneut.',
    INVALID_EMAIL_OR_PASSWORD: 'E-Mail-Adresse oder Passwort ist falsch',
    INVALID_PASSWORD: 'Das Passwort ist falsch',
    INVALID_EMAIL: 'Die E-Mail-Adresse ist ungültig',
    PASSWORD_TOO_SHORT: 'Das Passwort ist zu kurz',
    PASSWORD_TOO_LONG: 'Das Passwort ist zu lang',
    SESSION_EXPIRED: 'Die Sitzung ist abgelaufen. Melden Sie sich erneut an, um dies zu tun.',
    SESSION_NOT_FRESH: 'Die Sitzung ist nicht mehr frisch: Melden Sie sich erneut an',
    CREDENTIAL_ACCOUNT_NOT_FOUND: 'Für dieses Konto ist kein Passwort hinterlegt',
    INVALID_ORIGIN: 'Ungültige Herkunft (Origin)',
    MISSING_OR_NULL_ORIGIN: 'Die Herkunft (Origin) fehlt',
    INVALID_CALLBACK_URL: 'Ungültige callbackURL',
    PROVIDER_NOT_FOUND: 'Anbieter nicht gefunden',
    USER_NOT_FOUND: 'Benutzer nicht gefunden',
    EMAIL_NOT_VERIFIED: 'Die E-Mail-Adresse ist nicht bestätigt',
  },
} satisfies Catalogue<typeof en>;
