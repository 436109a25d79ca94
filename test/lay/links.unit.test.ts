import { expect } from '@open-wc/testing';
import { DEFAULT_TRUSTED_DOMAINS, isTrustedDomain, trustedUrl } from '../../src/lay/links.js';
import { INJECTION_CORPUS, nothingRan } from '../support/injection-corpus.js';

describe('trustedUrl', () => {
  it('trusts the NHS website, NHS 111 online and Patient by default', () => {
    expect(DEFAULT_TRUSTED_DOMAINS).to.deep.equal(['nhs.uk', '111.nhs.uk', 'patient.info']);
    expect(Object.isFrozen(DEFAULT_TRUSTED_DOMAINS)).to.equal(true);
  });

  const ALLOWED: [string, string][] = [
    ['https://www.nhs.uk/conditions/x-ray/', 'https://www.nhs.uk/conditions/x-ray/'],
    ['https://111.nhs.uk/', 'https://111.nhs.uk/'],
    ['https://patient.info/treatment-medication/x-ray', 'https://patient.info/treatment-medication/x-ray'],
    ['https://nhs.uk', 'https://nhs.uk/'],
    ['https://www.nhs.uk/tests-and-treatments/mri-scan/?tab=why#what-happens', 'https://www.nhs.uk/tests-and-treatments/mri-scan/?tab=why#what-happens'],
    // Normalised: scheme and host in lower case, default port and trailing dot dropped.
    ['HTTPS://WWW.NHS.UK/Conditions/CT-scan/', 'https://www.nhs.uk/Conditions/CT-scan/'],
    ['https://www.nhs.uk:443/conditions/', 'https://www.nhs.uk/conditions/'],
    ['https://www.nhs.uk./conditions/', 'https://www.nhs.uk/conditions/'],
    ['  https://www.nhs.uk/conditions/\n', 'https://www.nhs.uk/conditions/'],
    // Characters that matter in HTML come back percent-encoded.
    ['https://www.nhs.uk/search?q="><b>', 'https://www.nhs.uk/search?q=%22%3E%3Cb%3E'],
    // Full-width dots are turned into dots by the URL parser: the host is www.nhs.uk.
    ['https://www\uFF0Enhs\uFF0Euk/', 'https://www.nhs.uk/'],
  ];
  for (const [url, normalised] of ALLOWED) {
    it(`allows ${JSON.stringify(url)}`, () => {
      expect(trustedUrl(url)).to.equal(normalised);
    });
  }

  it('allows a portal’s extra domains, and only with them', () => {
    expect(trustedUrl('https://www.myhospital.example/radiology')).to.equal(undefined);
    expect(trustedUrl('https://www.myhospital.example/radiology', ['myhospital.example'])).to.equal('https://www.myhospital.example/radiology');
    expect(trustedUrl('https://myhospital.example/', ['MyHospital.Example.'])).to.equal('https://myhospital.example/');
    // Extra domains add to the defaults.
    expect(trustedUrl('https://www.nhs.uk/', ['myhospital.example'])).to.equal('https://www.nhs.uk/');
  });

  it('compares international names as the URL parser gives them (punycode)', () => {
    expect(trustedUrl('https://bücher.example/', ['xn--bcher-kva.example'])).to.equal('https://xn--bcher-kva.example/');
    expect(trustedUrl('https://xn--bcher-kva.example/', ['bücher.example'])).to.equal('https://xn--bcher-kva.example/');
    // A look-alike: Cyrillic "ѕ" in nhs.
    expect(trustedUrl('https://www.nh\u0455.uk/')).to.equal(undefined);
  });

  it('ignores extra domains that are not plain, safe hostnames', () => {
    expect(trustedUrl('https://evil.co.uk/', ['co.uk'])).to.equal(undefined);
    expect(trustedUrl('https://evil.github.io/', ['github.io'])).to.equal(undefined);
    expect(trustedUrl('https://evil.example/', ['https://evil.example'])).to.equal(undefined);
    expect(trustedUrl('https://evil.example/', ['*.evil.example'])).to.equal(undefined);
    expect(trustedUrl('https://evil.example/', 'evil.example' as unknown as string[])).to.equal(undefined);
    expect(trustedUrl('https://evil.example/', [null, 3] as unknown as string[])).to.equal(undefined);
    expect(trustedUrl('https://1.2.3.4/', ['1.2.3.4'])).to.equal(undefined);
  });

  const REFUSED: [string, unknown][] = [
    ['plain http', 'http://www.nhs.uk'],
    ['plain http with a path', 'http://www.nhs.uk/conditions/x-ray/'],
    ['a look-alike that starts with the domain', 'https://nhs.uk.evil.com'],
    ['a look-alike that ends with the name', 'https://evilnhs.uk'],
    ['a look-alike for Patient', 'https://notpatient.info/'],
    ['a script URL', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>window.__pwned=1</script>'],
    ['a data URL for an image', 'data:image/png;base64,iVBORw0KGgo='],
    ['a blob URL', 'blob:https://www.nhs.uk/1234'],
    ['a user name and password', 'https://user:pw@www.nhs.uk'],
    ['a user name', 'https://user@www.nhs.uk/'],
    ['an empty user name', 'https://@www.nhs.uk/'],
    ['the trusted name as a user name', 'https://www.nhs.uk@evil.example/'],
    ['another port', 'https://www.nhs.uk:8443/'],
    ['port 80', 'https://www.nhs.uk:80/'],
    ['a scheme-relative URL', '//www.nhs.uk'],
    ['a relative path', '/conditions/x-ray/'],
    ['a relative file', 'x-ray.html'],
    ['a bare host', 'www.nhs.uk'],
    ['https without slashes', 'https:www.nhs.uk'],
    ['https with one slash', 'https:/www.nhs.uk'],
    ['backslashes', 'https:\\\\www.nhs.uk\\'],
    ['a backslash before the user name', 'https://evil.example\\@www.nhs.uk/'],
    ['a tab inside', 'https://www.nhs\t.uk/'],
    ['a space inside', 'https://www.nhs.uk/x ray'],
    ['a null byte in the host', 'https://www.nhs.uk\u0000.evil.example/'],
    ['a right-to-left override', 'https://www.nhs.uk/\u202Egnp.exe'],
    ['a zero-width space', 'https://www.nhs\u200B.uk/'],
    ['an IP address', 'https://109.203.41.1/'],
    ['an IPv6 address', 'https://[::1]/'],
    ['two trailing dots', 'https://www.nhs.uk../'],
    ['a very long URL', `https://www.nhs.uk/${'a'.repeat(3000)}`],
    ['an empty string', ''],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object with a trusted toString', { toString: () => 'https://www.nhs.uk/' }],
    ['a URL object', new URL('https://www.nhs.uk/')],
    ['an array', ['https://www.nhs.uk/']],
  ];
  for (const [why, url] of REFUSED) {
    it(`refuses ${why}`, () => {
      expect(trustedUrl(url)).to.equal(undefined);
      expect(trustedUrl(url, ['example.org'])).to.equal(undefined);
    });
  }

  it('[HAZ-009] refuses every injection payload, without throwing or running it', () => {
    for (const payload of INJECTION_CORPUS) {
      expect(trustedUrl(payload), payload.slice(0, 80)).to.equal(undefined);
      expect(trustedUrl(payload, [payload]), payload.slice(0, 80)).to.equal(undefined);
      // Carried in a trusted link, a payload is refused or comes back encoded, on the same host.
      const carried = trustedUrl(`https://www.nhs.uk/search?q=${payload}`);
      if (carried !== undefined) {
        expect(carried, payload).to.not.match(/[<>"\s]/);
        expect(new URL(carried).hostname).to.equal('www.nhs.uk');
      }
      expect(isTrustedDomain(payload), payload.slice(0, 80)).to.equal(false);
    }
    expect(nothingRan()).to.equal(true);
  });

  it('never throws, whatever it is given', () => {
    const strange: unknown[] = [Symbol('x'), 10n, () => 'https://www.nhs.uk/', Object.create(null), new Proxy({}, { get: () => { throw new Error('no'); } })];
    for (const value of strange) {
      expect(() => trustedUrl(value)).to.not.throw();
      expect(() => trustedUrl('https://www.nhs.uk/', value as string[])).to.not.throw();
      expect(() => isTrustedDomain(value as string)).to.not.throw();
    }
  });
});

describe('isTrustedDomain', () => {
  const GOOD = ['nhs.uk', 'www.nhs.uk', 'myhospital.example', 'NHS.UK', 'nhs.uk.', 'xn--bcher-kva.example', 'bücher.example', 'my-trust.nhs.uk'];
  const BAD: unknown[] = [
    '', 'uk', 'localhost', 'nhs', 'https://nhs.uk', 'nhs.uk/conditions', 'nhs.uk:443', 'user@nhs.uk', '*.nhs.uk',
    '.nhs.uk', 'nhs..uk', '-nhs.uk', 'nhs-.uk', ' nhs.uk', 'nhs.uk ', 'nhs uk.org', 'nhs.uk?x', 'nhs.uk#x', 'nhs\\uk.org',
    '1.2.3.4', '[::1]', '192.168.0.1.', 'co.uk', 'org.uk', 'github.io', 'netlify.app', `${'a'.repeat(64)}.example`,
    'nhs.uk\u0000', 'nhs\u200B.uk', undefined, null, 7, ['nhs.uk'],
  ];
  for (const domain of GOOD) {
    it(`accepts ${JSON.stringify(domain)}`, () => expect(isTrustedDomain(domain)).to.equal(true));
  }
  for (const domain of BAD) {
    it(`refuses ${JSON.stringify(domain)}`, () => expect(isTrustedDomain(domain as string)).to.equal(false));
  }
});
