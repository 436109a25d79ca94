import { expect, fixture } from '@open-wc/testing';
import * as stories from '../../stories/lay-annotation-editor.stories.js';
import type { LayAnnotationEditor, PatientImageViewer } from '../../src/index.js';
import { loaded, until } from '../support/helpers.js';

/** The editor's stories as fixtures: each renders, settles, and passes axe. */
describe('<lay-annotation-editor> stories', () => {
  const cases: [string, Parameters<typeof stories.editorStoryTemplate>[0], (editor: LayAnnotationEditor) => boolean][] = [
    ['EmptyStudy', stories.EmptyStudy, (e) => e.shadowRoot!.querySelector('.overlay') != null],
    ['EditingADocument', stories.EditingADocument, (e) => e.shadowRoot!.querySelectorAll('.marker').length === 5],
    ['DraftsFromSr', stories.DraftsFromSr, (e) => e.shadowRoot!.querySelectorAll('.marker.draft').length === 2],
    ['DraftsFromGsps', stories.DraftsFromGsps, (e) => e.shadowRoot!.querySelectorAll('.marker.draft').length === 1],
    ['DraftsFromKos', stories.DraftsFromKos, (e) => e.shadowRoot!.querySelectorAll('.marker.draft').length === 1],
    ['ReadingAgeWarnings', stories.ReadingAgeWarnings, (e) => e.shadowRoot!.querySelector('.hard-count') != null],
    ['SensitiveWordWarning', stories.SensitiveWordWarning, (e) => e.shadowRoot!.querySelector('.sensitive-count') != null],
    ['PreviewAsThePatient', stories.PreviewAsThePatient, (e) => (e.shadowRoot!.querySelector('.phone lay-annotation-layer')?.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0],
  ];
  for (const [name, story, ready] of cases) {
    it(`${name}: renders, settles and passes axe`, async () => {
      const viewer = await fixture<PatientImageViewer>(stories.editorStoryTemplate(story));
      await loaded(viewer);
      const editor = viewer.querySelector('lay-annotation-editor')!;
      await until(() => ready(editor), 20000, `${name} ready`);
      await expect(viewer).to.be.accessible();
    });
  }
});
