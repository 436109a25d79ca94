/**
 * The carer words (en-GB), for `viewer-role="carer"`: a parent, carer or someone helping the patient
 * is looking (issue 17). Only the keys whose words change are here; every other key comes from the
 * patient's catalogue (`messages.ts`), and a portal's `messages` win over both.
 *
 * How they are written: the helper is "you" (their web browser, their question, their choice to
 * look); the patient is "they" or "the person" ("Their right", "Their care team wants to talk
 * through ..."). The patient's own words for a choice ("Show my images") become neutral ("Show
 * the images"): the helper chooses for the person, not for themself. Same reading age and style as
 * the patient's words (checked in test/lay/readability.unit.test.ts).
 *
 * A lazy chunk: loaded only when an element's role is `carer` (see
 * `src/controllers/language-controller.ts`), so the patient's pages never download it.
 */
import type { Messages } from './messages.js';

export const carer = {
  loading: 'Loading the image',
  controlsGettingReady: 'The image is ready. The controls are getting ready.',
  'copy.saved': 'The copy is saved.',
  'copy.saveQuestions': 'Save the questions',
  'copy.shareAsked': 'We have passed on the request to share.',
  'study.title': 'Their images',
  'study.keyTitle': 'Images their care team picked',
  'study.keyMissing': 'We could not find {count} of the images their care team picked.',
  loadingProgress: 'Loading the image: {percent}% done',
  'error.network': 'We could not load the image. Check your internet connection, then try again.',
  'error.unauthorised': 'We could not load the image because you need to sign in again. Sign in, then try again.',
  'error.timeout': 'The image is taking too long to load. Try again.',
  'error.engine-failed': 'Something went wrong on our side, so we cannot show the image just now. Try again, or come back later.',
  'error.unsupported-image': 'This is a real image, but it is saved in a way we cannot open yet. Their care team can show it to them.',
  'error.unsupported-video':
    'This is a moving image (a video clip). We cannot play this kind of image here yet. Their care team can show it to them.',
  marksNotice: 'This image has marks on it, such as arrows or words. They were added by the doctor who looked at the scan. You can hide them.',
  'about.xray': 'An X-ray is an image taken in a moment. There may be one or a few. Bones look white. Air, like in the lungs, looks dark.',
  'about.ct': 'A CT scan takes many X-ray images, like slices through the body. Move between images to go through the slices.',
  'about.mri': 'An MRI scan uses a magnet to take images. They are like slices through the body. Move between images to go through the slices.',
  'about.ultrasound': 'An ultrasound scan uses sound waves to make images. They show the inside of the body.',
  'about.nuclear':
    'For this scan the person was given a tracer. A tracer is a medicine with a small amount of radiation in it. Parts of the body that take in more of it usually look brighter here.',
  'about.pet':
    'For a PET scan the person is given a tracer. A tracer is a medicine with a small amount of radiation in it. It shows how well parts of the body work.',
  'orientation.yourRight': 'Their right',
  'orientation.yourLeft': 'Their left',
  'layer.summaryTitle': 'What their report says',
  'layer.labelsTitle': 'Labels on their image',
  'layer.kind.anatomy': 'Part of the body',
  'layer.kind.finding': 'From their report',
  'layer.bodyMapCaption': 'This image is of their {part}.',
  'disclosure.title': "Before you look at the person's images",
  'disclosure.whatsComing': 'The next part of this page shows the images from their {kind}.',
  'disclosure.show': 'Show the images',
  'disclosure.deferred': 'Their images are hidden. You can look at them whenever you are ready.',
  'disclosure.hide': 'Hide the images',
  'disclosure.shownHeading': 'Their images',
  'disclosure.shown': 'Their images are now showing.',
  'disclosure.hidden': 'Their images are hidden.',
  'disclosure.stopped': 'Their images cannot be shown just now.',
  'sensitive.noticeOne': 'There is something in their report their care team wants to talk through with them',
  'sensitive.notice': 'There are {count} things in their report their care team wants to talk through with them',
  'sensitive.explain': 'You can choose to see it now, or wait and talk to their care team first. Both are fine.',
  'sensitive.wait': "I'll wait to talk to their care team",
  'sensitive.summaryHeld': 'Their report summary will show here once you choose to see what their care team marked.',
  'sensitive.explainMany': 'You can see them one at a time, or all now. Or you can wait and talk to their care team first. All are fine.',
  'sensitive.findingName': 'Part {number} of their report',
  'sensitive.findingShown': 'This is now showing on their image and in the list of labels.',
  'sensitive.wrappedHeading': 'What their care team wants to talk through',
  'sensitive.wrappedShown': 'This part of their report is now showing.',
  'ask.suggested1': 'What does this mean for them?',
  'ask.suggested2': 'Do they need any more tests?',
  'ask.sent': 'Your question has been sent to their care team.',
  'ask.save': 'Save for their appointment',
  'ask.saved': 'Saved to the questions for their appointment.',
  'ask.recipient': 'their care team',
  'ask.nextSteps':
    'They will read it and get back to you. If the person feels unwell or you are worried, contact their GP surgery or call 111.',
  'ask.savedWhere': 'It is in the questions for their appointment, lower down this page. You can print them to take with you.',
  'list.title': 'Questions for their appointment',
  'list.print': 'Print the questions',
  'report.title': "The radiologist's report",
  'report.statement':
    'A radiologist wrote this report. A radiologist is a doctor who reads scans. They wrote it for the doctor who asked for the scan, so it uses medical words. That doctor will explain what it means for the person.',
  'report.explainedGeneral': 'Word meanings are general. They do not say what their report means for them.',
  'report.section.history': 'Why they had the scan',
  'report.loading': 'Loading their report',
  'report.errorTitle': 'Sorry, we cannot show their report',
  'report.error.network': 'We could not load their report. Check your internet connection, then try again.',
  'report.error.unauthorised': 'We could not load their report because you need to sign in again.',
  'report.error.not-found': 'We could not find their report. It may have been moved.',
  'report.error.timeout': 'Their report is taking too long to load. Try again later.',
  'report.error.too-large': 'Their report is too big to show here.',
  'report.error.not-text': 'This file is not a report we can show. Ask the team that did their scan for a copy.',
  'report.error.malformed': 'We could not read their report. Ask the team that did their scan for a copy.',
  'report.error.sensitive-not-found': 'Their report will show here when you choose to see it.',
} as const satisfies Messages;

/** After these words, "you" is the object: "helps you breathe" becomes "helps them breathe". */
const OBJECT_BEFORE = /\b(for|with|to|at|around|about|from|near|help|helps|hold|holds|tell|tells|show|shows|give|gives|let|lets|make|makes|ask|asks|contact)$/i;

/** "Your" in the case of the word it replaces. */
function cased(replacement: string, original: string): string {
  return original[0] === original[0]!.toUpperCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * Text written to the patient (a glossary meaning: "Your care team will explain what it means for
 * you.") said about them instead ("Their care team will explain what it means for them."). "You"
 * takes "they" as its subject form (the verb stays as it is: "you are", "they are") and "them" after
 * the words in {@link OBJECT_BEFORE}.
 */
export function theirs(text: string): string {
  return text.replace(/\b(you|your|yours|yourself)('re|'ll|'ve|'d)?\b/gi, (word, base: string, ending: string | undefined, at: number) => {
    const lower = base.toLowerCase();
    if (lower === 'your') return cased('their', word);
    if (lower === 'yours') return cased('theirs', word);
    if (lower === 'yourself') return cased('themselves', word);
    if (ending) return cased('they', word) + ending;
    return cased(OBJECT_BEFORE.test(text.slice(0, at).trimEnd()) ? 'them' : 'they', word);
  });
}
