import type { AnnotationProblem } from '../annotations/validate.js';
import { findingMarks } from '../disclosure/finding-marks.js';
import { PvAnnotationErrorEvent } from '../events/pv-annotation-error-event.js';
import { DisclosureController } from './disclosure-controller.js';

/**
 * The {@link DisclosureController} of a host whose places come from a document (the layer's
 * labels): it also says which labels are hidden, whether anything of the study is (for a summary),
 * and reports, once per finding and document, a finding sensitive in one place on
 * the page and not in another (`pv-annotation-error` with `code: 'finding-sensitivity-mismatch'`,
 * the `findingId`, and the path and id of the label). Kept apart so that the consent step, which
 * loads before the patient agrees, does not carry it.
 */
export class DocumentDisclosureController extends DisclosureController {
  /** Finding ids whose mismatch this host already reported (since the last fresh `register`). */
  readonly #reported = new Set<string>();

  /** The ids of the places that must not be shown now: held, and not chosen to be seen. */
  hiddenIds(): Set<string> {
    return new Set(this.held().filter((place) => this.state(place.id) !== 'shown').map((place) => place.id));
  }

  /** True while any held place here, or any sensitive finding of the study elsewhere on the page, is not shown (a summary may speak of it). */
  anyHidden(): boolean {
    const marks = findingMarks();
    const study = this.markStudy;
    return this.hiddenIds().size > 0 || marks.sensitiveIds(study).some((id) => marks.choice(study, id) !== 'shown');
  }

  override register(options: { report?: boolean; fresh?: boolean } = {}): void {
    if (options.fresh) this.#reported.clear();
    super.register(options);
  }

  override reportMismatches(): void {
    const places = this.places;
    if (!places.some((place) => place.path)) return;
    const study = this.markStudy;
    const problems: AnnotationProblem[] = [];
    for (const mismatch of findingMarks().mismatches()) {
      if (mismatch.studyKey !== study || this.#reported.has(mismatch.findingId)) continue;
      const ofIt = places.filter((place) => place.path && place.findingId === mismatch.findingId);
      const place = ofIt.find((p) => !p.sensitive) ?? ofIt[0];
      if (!place) continue;
      this.#reported.add(mismatch.findingId);
      problems.push({
        path: `${place.path}.sensitivity`,
        message:
          `finding "${mismatch.findingId}" is sensitive in ${mismatch.sensitiveIn.join(', ')} but not in ` +
          `${mismatch.routineIn.join(', ')}: it is held as sensitive everywhere. Mark it "sensitive" in every place.`,
        labelId: place.id,
        code: 'finding-sensitivity-mismatch',
        findingId: mismatch.findingId,
      });
    }
    if (problems.length > 0) this.host.dispatchEvent(new PvAnnotationErrorEvent({ problems }));
  }
}
