import type en from '../en/session.js';
import type { Catalogue } from '../catalogue.js';

export default {
  signIn: {
    title: 'Bei Partnerhub anmelden',
    description: 'Ihre Partner, Deals und Zertifizierungen an einem Ort.',
    signedOut: 'Sie sind abgemeldet.',
    wrongCredentials: 'Die E-Mail-Adresse oder das Passwort ist falsch. Prüfen Sie beides und versuchen Sie es noch einmal.',
    tooManyAttempts: 'Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann noch einmal.',
    ssoIncomplete: 'Single Sign-on wurde nicht abgeschlossen ({{code}}). Versuchen Sie es noch einmal oder verwenden Sie Ihr Passwort.',
    ssoUnknown: 'Partnerhub konnte nicht feststellen, ob Single Sign-on verfügbar ist: {{message}}',
    ssoDefaultName: 'Single Sign-on',
    continueWith: 'Weiter mit {{name}}',
    orWithEmail: 'oder mit Ihrer E-Mail-Adresse',
    email: 'E-Mail',
    password: 'Passwort',
    enterEmail: 'Geben Sie Ihre E-Mail-Adresse ein',
    enterPassword: 'Geben Sie Ihr Passwort ein',
    submit: 'Anmelden',
    forgot: 'Passwort vergessen? Wenden Sie sich an Ihren Partnerhub-Administrator.',
  },
  ssoError: {
    signup_disabled: 'Zu Ihrem Single-Sign-on-Konto gibt es noch kein Partnerhub-Konto. Bitten Sie einen Administrator, Sie hinzuzufügen.',
    access_denied: 'Single Sign-on wurde abgebrochen.',
    account_not_linked:
      'Zu dieser E-Mail-Adresse gibt es bereits ein Partnerhub-Konto, das nicht mit Single Sign-on verknüpft ist. Melden Sie sich mit Ihrem Passwort an oder wenden Sie sich an einen Administrator.',
    unable_to_create_session: 'Partnerhub konnte Ihre Sitzung nicht starten. Falls Ihr Konto deaktiviert wurde, wenden Sie sich an einen Administrator.',
    state_mismatch: 'Der Single-Sign-on-Versuch ist abgelaufen oder wurde in einem anderen Tab gestartet. Versuchen Sie es noch einmal.',
    account_deactivated: 'Ihr Partnerhub-Konto ist deaktiviert. Wenden Sie sich an einen Administrator.',
  },
  setup: {
    title: 'Partnerhub einrichten',
    description: 'Erstellen Sie das erste Administratorkonto. Ihre Kolleginnen und Kollegen und deren Rollen fügen Sie danach hinzu.',
    footer: 'Diese Seite ist nur verfügbar, bis das erste Konto existiert.',
    name: 'Name',
    yourName: 'Ihr Name',
    email: 'E-Mail',
    workEmail: 'Geschäftliche E-Mail-Adresse',
    password: 'Passwort',
    passwordHint: 'Mindestens {{min}} Zeichen. Ein Satz aus einigen Wörtern ist leicht zu merken und schwer zu erraten.',
    repeat: 'Passwort wiederholen',
    mismatch: 'Die beiden Passwörter stimmen nicht überein',
    submit: 'Administrator erstellen',
    welcome: 'Willkommen, {{name}}',
    ready: 'Ihr Administratorkonto ist bereit. Laden Sie Ihre Kolleginnen und Kollegen unter Benutzer ein.',
  },
} satisfies Catalogue<typeof en>;
