import { expect } from '@open-wc/testing';
import { styles } from '../../src/components/patient-image-viewer/patient-image-viewer.styles.js';
import manifest from '../../custom-elements.json';
import { render } from 'lit';
import { styles as layerStyles } from '../../src/components/lay-annotation-layer/lay-annotation-layer.styles.js';
import { bodyMap } from '../../src/lay/body-map.js';

const cssOf = (sheets: { cssText: string }[]) => sheets.map((sheet) => sheet.cssText).join('\n');

/** Private `--_*` tokens: each declared once on :host, and each used. Public `--pv-*`: all documented. */
describe('style tokens', () => {
  const css = cssOf(styles);

  it('every private token is declared and used; none is used undeclared', () => {
    const declared = [...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!);
    const used = new Set([...css.matchAll(/var\((--_[\w-]+)\)/g)].map((m) => m[1]!));
    expect(new Set(declared).size, 'declared once').to.equal(declared.length);
    for (const token of declared) expect(used.has(token), `${token} is used`).to.equal(true);
    for (const token of used) expect(declared.includes(token), `${token} is declared`).to.equal(true);
  });

  it('the annotation layer: every private token is declared once and used (the body drawing uses --_body-*)', () => {
    const layerCss = cssOf(layerStyles);
    const drawing = document.createElement('div');
    render(bodyMap('chest', 'test'), drawing);
    const declared = [...layerCss.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!);
    const used = new Set([...(layerCss + drawing.innerHTML).matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]!));
    expect(new Set(declared).size, 'declared once').to.equal(declared.length);
    for (const token of declared) expect(used.has(token), `${token} is used`).to.equal(true);
    for (const token of used) expect(declared.includes(token), `${token} is declared`).to.equal(true);
  });

  it('every public --pv-* property is documented in custom-elements.json, and defaults to NHS values', () => {
    const publicTokens = new Set([...(css + cssOf(layerStyles)).matchAll(/var\((--pv-[\w-]+)/g)].map((m) => m[1]!));
    const documented = new Set(
      (manifest as { modules: { declarations?: { cssProperties?: { name: string }[] }[] }[] }).modules
        .flatMap((m) => m.declarations ?? [])
        .flatMap((d) => d.cssProperties ?? [])
        .map((p) => p.name),
    );
    expect(publicTokens.size).to.be.greaterThan(10);
    for (const token of publicTokens) expect(documented.has(token), `${token} documented`).to.equal(true);
    expect(css).to.contain('var(--nhsuk-brand-colour, #005eb8)');
  });
});
