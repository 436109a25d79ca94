/**
 * Trusted links: the only places the plain-English layer may send a patient ("Find out more about
 * X-rays on the NHS website"). A link is shown only when `trustedUrl()` returns a string, and then
 * that string, never the input, is what goes into the `href`.
 */

/** Sites the library trusts without being told: the NHS website, NHS 111 online and Patient. */
export const DEFAULT_TRUSTED_DOMAINS: readonly string[] = Object.freeze(['nhs.uk', '111.nhs.uk', 'patient.info']);

/** Longer than any link we would show, and short enough that checking it costs nothing. */
const MAX_URL_LENGTH = 2048;

/**
 * Characters that never belong in a link we show: controls, spaces, and invisible or direction-changing
 * characters (the URL parser removes some of these silently, which hides tricks).
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- control and invisible characters (some of them combining marks) are exactly what this class lists.
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\\]/u;

/** The characters of a hostname as the URL parser gives it: letters, digits and hyphens, in labels. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * Suffixes under which anyone can register a name or publish a site. Trusting one would trust all
 * of them, so `isTrustedDomain()` refuses them. This is a short list of the likely mistakes, not the
 * whole Public Suffix List: a portal's list of extra domains is short and written by people.
 */
const OPEN_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk',
  'com.au', 'co.nz', 'co.in', 'co.za', 'com.br',
  'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev', 'web.app',
  'firebaseapp.com', 'appspot.com', 'herokuapp.com', 'azurewebsites.net', 'cloudfront.net',
  'blogspot.com', 'wordpress.com', 'wixsite.com', 'squarespace.com', 's3.amazonaws.com',
  'ngrok.io', 'ngrok-free.app', 'glitch.me', 'repl.co', 'onrender.com', 'fly.dev',
]);

/**
 * Whether `domain` can go on a portal's list of extra trusted domains: a plain hostname such as
 * `myhospital.nhs.uk` (no scheme, port, path, wildcard or user name), with at least one dot, not an
 * IP address, and not a suffix anyone can publish under (such as `co.uk` or `github.io`). Case and
 * one trailing dot do not matter. Never throws.
 */
export function isTrustedDomain(domain: string): boolean {
  return normaliseDomain(domain) !== undefined;
}

/**
 * The link to show, or `undefined` when it must not be shown.
 *
 * A link is trusted when it is `https:`, its host is one of the trusted domains or ends with `.` and
 * one of them (so `www.nhs.uk` is fine and `nhs.uk.evil.com` and `evilnhs.uk` are not), it has no
 * user name or password and no port other than 443, and it holds no controls, spaces, backslashes or
 * invisible characters. Hosts are compared as the URL parser gives them: lower case, international
 * names in punycode, one trailing dot removed. `extraDomains` adds to `DEFAULT_TRUSTED_DOMAINS`;
 * entries that `isTrustedDomain()` refuses are ignored. Returns the normalised URL. Never throws.
 */
export function trustedUrl(url: unknown, extraDomains?: readonly string[]): string | undefined {
  try {
    if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return undefined;
    const text = url.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
    if (!/^https:\/\//i.test(text) || UNSAFE_CHARACTERS.test(text)) return undefined;
    // Nothing that looks like a user name, even an empty one ("https://@host").
    const authority = text.slice('https://'.length).split(/[/?#]/, 1)[0]!;
    if (authority.includes('@')) return undefined;

    const parsed = new URL(text);
    if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') {
      return undefined;
    }
    const host = withoutTrailingDot(parsed.hostname.toLowerCase());
    if (!HOSTNAME.test(host)) return undefined;
    const domains = trustedDomains(extraDomains);
    if (!domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) return undefined;

    if (parsed.hostname !== host) parsed.hostname = host;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/**
 * A link to one of the portal's own pages (such as `<finding-disclosure>`'s `talk-href`): the URL,
 * resolved against the page, when it is on the page's own origin (`http:` or `https:`, no user name)
 * or is a trusted link (see `trustedUrl()`); otherwise `undefined`, and the link is not shown. Never
 * a `javascript:` or `data:` URL, never another site. Never throws.
 */
export function portalUrl(url: unknown, extraDomains?: readonly string[]): string | undefined {
  try {
    if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH || UNSAFE_CHARACTERS.test(url)) return undefined;
    const trusted = trustedUrl(url, extraDomains);
    if (trusted) return trusted;
    const base = globalThis.document?.baseURI;
    if (!base) return undefined;
    const parsed = new URL(url, base);
    const page = new URL(base);
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    if (!web || parsed.origin !== page.origin || parsed.username !== '' || parsed.password !== '') return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

const DEFAULT_DOMAINS: readonly string[] = DEFAULT_TRUSTED_DOMAINS.map((domain) => normaliseDomain(domain)!);

function trustedDomains(extra: unknown): readonly string[] {
  if (!Array.isArray(extra) || extra.length === 0) return DEFAULT_DOMAINS;
  const more = extra.slice(0, 100).map(normaliseDomain).filter((domain): domain is string => domain !== undefined);
  return [...DEFAULT_DOMAINS, ...more];
}

/** The domain as the URL parser gives hostnames, or undefined when it is not a plain, safe hostname. */
function normaliseDomain(domain: unknown): string | undefined {
  try {
    if (typeof domain !== 'string' || domain.length === 0 || domain.length > 254) return undefined;
    // Anything that would make it more than a hostname: scheme, port, path, query, user, wildcard.
    if (UNSAFE_CHARACTERS.test(domain) || /[/:?#@[\]%*]/.test(domain)) return undefined;
    const host = withoutTrailingDot(new URL(`https://${domain}/`).hostname.toLowerCase());
    if (!HOSTNAME.test(host)) return undefined;
    // Not an IP address: the last label of a domain name is never all digits.
    if (/^\d+$/.test(host.slice(host.lastIndexOf('.') + 1))) return undefined;
    if (OPEN_SUFFIXES.has(host)) return undefined;
    return host;
  } catch {
    return undefined;
  }
}

function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
