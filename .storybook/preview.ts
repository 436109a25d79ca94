import type { Decorator, Preview } from '@storybook/web-components-vite';
// The framework package re-exports @storybook/web-components (a dependency of it, not of ours).
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import highContrast from '../src/themes/high-contrast.css?url';
import sampleTrust from '../src/themes/sample-trust.css?url';

/**
 * Controls come from the committed custom-elements manifest (`npm run analyze`). Read through a
 * glob so a checkout without the file, or with an empty one, still builds: the stories then show
 * only the controls they declare themselves.
 */
const manifestFiles = import.meta.glob<string>('../custom-elements.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

function readManifest(): unknown {
  const text = Object.values(manifestFiles)[0]?.trim();
  if (!text) {
    console.warn('custom-elements.json is missing or empty: run `npm run analyze` for the full controls.');
    return { schemaVersion: '1.0.0', modules: [] };
  }
  return JSON.parse(text);
}

setCustomElementsManifest(readManifest());

/**
 * The manifest types CSS custom properties and parts as `void`, which Storybook turns into no
 * control or a meaningless object control. Give each `--pv-*` property a text box (the stories
 * apply any `--*` arg as an inline style) and list parts without a control.
 */
type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

const manifestControls: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === 'css custom properties' && argType.control === undefined) {
        return [name, { ...argType, control: { type: 'text' } }];
      }
      if (category === 'css shadow parts') return [name, { ...argType, control: false }];
      return [name, argType];
    }),
  );

/** The toolbar's themes: the package's own stylesheets (src/themes), as a portal would link them. */
const THEMES: Record<string, string | undefined> = {
  nhs: undefined,
  'sample-trust': sampleTrust,
  'high-contrast': highContrast,
};

/** Links the chosen theme in the preview's <head> (one <link id="pv-theme">), or none for the NHS look. */
const withTheme: Decorator = (story, { globals }) => {
  const href = THEMES[String(globals.theme)];
  let link = document.querySelector<HTMLLinkElement>('link#pv-theme');
  if (!href) {
    link?.remove();
  } else {
    if (!link) {
      link = Object.assign(document.createElement('link'), { id: 'pv-theme', rel: 'stylesheet' });
      document.head.append(link);
    }
    if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  }
  return story();
};

/** The toolbar's language: `lang` on the story's root, which the elements inherit (en-GB or Welsh). */
const withLanguage: Decorator = (story, { globals }) =>
  html`<div class="pv-story-root" lang=${String(globals.locale ?? 'en-GB')}>${story()}</div>`;

const preview: Preview = {
  // A docs page for every element, from custom-elements.json (its JSDoc) and the stories.
  tags: ['autodocs'],
  argTypesEnhancers: [manifestControls],
  decorators: [withLanguage, withTheme],
  globalTypes: {
    theme: {
      description: 'Theme: the package\u2019s stylesheets (dist/themes)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'nhs', title: 'NHS (no theme)' },
          { value: 'sample-trust', title: 'Sample trust' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language: `lang` on the story\u2019s root, inherited by the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en-GB', title: 'English (en-GB)' },
          { value: 'cy', title: 'Cymraeg (cy)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'nhs', locale: 'en-GB' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // The accessibility panel runs axe on every story; a violation fails Storybook's own test run.
    a11y: { test: 'error' },
  },
};

export default preview;
