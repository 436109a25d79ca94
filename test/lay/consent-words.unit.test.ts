/**
 * The consent step loads before the patient agrees to see anything, in a 25 kB shell, with only its
 * own words (src/lay/messages-consent.ts). A key from the rest of the catalogue used there would
 * show nothing at all (LanguageController.t gives '' for a word it does not have): every catalogue
 * key written in the shell's code must be one of the consent step's.
 */
import { expect } from '@open-wc/testing';
import disclosureSource from '../../src/components/finding-disclosure/finding-disclosure.ts?raw';
import pvElementSource from '../../src/components/pv-element.ts?raw';
import disclosureControllerSource from '../../src/controllers/disclosure-controller.ts?raw';
import describeSource from '../../src/lay/describe.ts?raw';
import { consentEnGB } from '../../src/lay/messages-consent.js';
import { enGB } from '../../src/lay/messages.js';

const sources = { 'finding-disclosure.ts': disclosureSource, 'pv-element.ts': pvElementSource, 'disclosure-controller.ts': disclosureControllerSource, 'describe.ts': describeSource };

describe("the consent step's words (the shell carries only these)", () => {
  it('every catalogue key written in the shell code is a consent-step word', () => {
    let found = 0;
    for (const [file, source] of Object.entries(sources)) {
      for (const [, key] of source.matchAll(/['"]([\w.]+)['"]/g)) {
        if (!Object.hasOwn(enGB, key!)) continue;
        found++;
        expect(Object.hasOwn(consentEnGB, key!), `${file} uses '${key}', which the shell does not carry`).to.equal(true);
      }
    }
    expect(found, 'keys found (the check reads the code)').to.be.greaterThan(20);
  });

  it('keys built from a prefix (kind., about., part.) exist for every value the consent step builds', () => {
    for (const kind of ['xray', 'ct', 'mri', 'ultrasound', 'nuclear', 'pet', 'mammogram', 'other']) {
      expect(Object.hasOwn(consentEnGB, `kind.${kind}`), `kind.${kind}`).to.equal(true);
      expect(Object.hasOwn(consentEnGB, `about.${kind}`), `about.${kind}`).to.equal(true);
    }
  });
});
