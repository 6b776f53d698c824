import { DOCUMENT_CONTENT_TYPES } from '../../../shared/compliance.js';
import { DOCUMENT_EXTENSIONS, DOCUMENT_FILE_NAME_MAX } from '../../../shared/schemas/document.js';
import { AppError, msg, type Msg } from '../../lib/errors.js';

const ALLOWED = new Set<string>(DOCUMENT_CONTENT_TYPES);
const OOXML_ODF = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];
const LEGACY_OFFICE = ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];
/** Types whose content has no magic number: the sniffer must find nothing in them. */
const TEXT = new Set(['text/plain', 'text/csv', 'message/rfc822']);
/** What the sniffer may report for a file of each declared type (beyond the type itself). */
const SNIFF_ALSO: Record<string, string[]> = {
  'application/zip': OOXML_ODF,
  ...Object.fromEntries(OOXML_ODF.map((t) => [t, ['application/zip']])),
  // Word, Excel and PowerPoint before 2007 are OLE compound files.
  ...Object.fromEntries(LEGACY_OFFICE.map((t) => [t, ['application/x-cfb']])),
};
const NAMES: Record<string, Msg> = {
  'application/pdf': msg('documents.type.pdf'),
  'image/png': msg('documents.type.png'),
  'image/jpeg': msg('documents.type.jpeg'),
  'image/gif': msg('documents.type.gif'),
  'image/webp': msg('documents.type.webp'),
  'application/zip': msg('documents.type.zip'),
};
const named = (t: string): string | Msg => NAMES[t] ?? t;
const ALLOWED_HINT = msg('documents.type.allowed');

const unsupported = (message: Msg) => new AppError('unsupported_media_type', message, [{ path: 'body.file', message }]);

/** Types (declared or by extension) a browser would run as a page or a script. */
function activeContent(type: string, ext: string): Msg | null {
  if (/^(text\/html|application\/xhtml\+xml)$/.test(type) || /^x?html?$|^xht$|^mht(ml)?$/.test(ext)) return msg('documents.type.html');
  if (type === 'image/svg+xml' || ext === 'svg' || ext === 'svgz') return msg('documents.type.svg');
  if (/javascript|ecmascript/.test(type) || /^(m?js|cjs)$/.test(ext)) return msg('documents.type.script');
  if (type === 'text/xml' || type === 'application/xml' || ext === 'xml') return msg('documents.type.xml');
  return null;
}

/** "application/PDF; charset=x" → "application/pdf". */
export const baseType = (t: string | undefined) => (t ?? '').split(';')[0]!.trim().toLowerCase();
const extension = (fileName: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1] ?? '').toLowerCase();

/**
 * The content type to store for an upload: the declared one, if allowed and — for types with a
 * signature — confirmed by the file's first bytes; else a 415 saying what is wrong.
 * A file sent as application/octet-stream (browsers do this for unknown extensions) gets the
 * type its content or, for text, its extension shows.
 */
export async function checkContentType(file: string, declaredRaw: string | undefined, fileName: string): Promise<string> {
  const ext = extension(fileName);
  let declared = baseType(declaredRaw);
  const active = activeContent(declared, ext);
  if (active) throw unsupported(active);
  // Loaded with the first upload rather than at start (the server bundle's static imports all load then).
  const { fileTypeFromFile } = await import('file-type');
  const sniffed = (await fileTypeFromFile(file))?.mime as string | undefined;
  if (!declared || declared === 'application/octet-stream') {
    const byExt = DOCUMENT_EXTENSIONS[ext];
    declared = sniffed && ALLOWED.has(sniffed) ? sniffed : (byExt ?? '');
    if (sniffed === 'application/zip' && byExt && SNIFF_ALSO[byExt]?.includes('application/zip')) declared = byExt;
    if (!declared) throw unsupported(msg('documents.type.unknown', { allowed: ALLOWED_HINT }));
  }
  if (!ALLOWED.has(declared)) throw unsupported(msg('documents.type.notAllowed', { type: declared, allowed: ALLOWED_HINT }));
  if (TEXT.has(declared)) {
    if (sniffed) throw unsupported(msg('documents.type.mismatch', { declared, actual: named(sniffed) }));
    return declared;
  }
  if (sniffed !== declared && !(sniffed && SNIFF_ALSO[declared]?.includes(sniffed))) {
    const actual = sniffed ? named(sniffed) : msg('documents.type.not', { what: named(declared) });
    throw unsupported(msg('documents.type.mismatch', { declared: named(declared), actual }));
  }
  return declared;
}

/**
 * A file name fit to keep and to offer back: no path, no control or bidirectional-override
 * characters (which disguise "evil\u202Efdp.exe" as "evilexe.pdf"), no leading dots, at most
 * DOCUMENT_FILE_NAME_MAX characters with the extension kept.
 */
export function sanitizeFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name.length > DOCUMENT_FILE_NAME_MAX) {
    const ext = extension(name);
    const keep = DOCUMENT_FILE_NAME_MAX - (ext ? ext.length + 1 : 0);
    name =
      Array.from(name.slice(0, name.length - (ext ? ext.length + 1 : 0)))
        .slice(0, keep)
        .join('') + (ext ? `.${ext}` : '');
  }
  return name || 'file';
}

/**
 * RFC 6266 Content-Disposition: an ASCII `filename` for old clients (quotes, backslashes and
 * anything non-ASCII replaced) and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
