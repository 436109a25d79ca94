import { consentEnGB, format } from './messages-consent.js';

export { format };

/**
 * Every word the viewer shows, in one catalogue (en-GB). The consent step's words are in
 * `messages-consent.ts` (they load before consent, in the shell) and are spread in here. Portals override any of them through the
 * viewer's `messages` property. Placeholders look like `{name}`.
 *
 * Written to NHS content style: plain English, short sentences, reading age 9 to 11
 * (checked in test/lay/readability.unit.test.ts).
 *
 * Welsh (cy) is in `messages-cy.ts`, with the same keys (a missing key is a compile error). The
 * Welsh strings await review by a Welsh speaker: see `reviewStatus` there. The elements pick the
 * language from `lang` (see `src/controllers/language-controller.ts`).
 */
export const enGB = {
  ...consentEnGB,
  loading: 'Loading your image',
  loadingProgress: 'Loading your image: {percent}% done',
  loaded: '{description} is ready to view',
  imageOf: 'Image {index} of {count}',
  imageSlider: 'Choose an image',
  errorTitle: 'Sorry, we cannot show this image',
  tryAgain: 'Try again',
  'error.network': 'We could not load your image. Check your internet connection, then try again.',
  'error.unauthorised': 'We could not load your image because you need to sign in again. Sign in, then try again.',
  'error.not-found': 'We could not find this image. It may have been moved.',
  'error.server': 'There is a problem with the image service. Try again later.',
  'error.timeout': 'Your image is taking too long to load. Try again.',
  'error.not-an-image': 'This file does not have an image we can show. It may be a report or other information.',
  'error.unsupported-format': 'We cannot show this type of file. It may not be a scan or X-ray.',
  'error.too-large': 'This image is too big for us to show in your web browser.',
  'error.corrupt-file': 'This image file is damaged or not complete, so we cannot show it.',
  'error.rendering-unavailable': 'Your web browser could not draw this image. Try again, or use a different web browser.',
  'error.no-source': 'No image has been chosen yet.',
  someSkipped: 'We could not show {skipped} of the images in this set. You can still look at the others.',
  burnedInText: 'This image may have writing on it from the scanner. The writing may include personal details.',
  previous: 'Previous image',
  next: 'Next image',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to screen',
  lighter: 'Lighter',
  darker: 'Darker',
  moreContrast: 'Stronger light and dark',
  lessContrast: 'Softer light and dark',
  reset: 'Reset',
  dragToAdjust: 'Drag to change brightness',
  controlsLabel: 'Image controls',
  moveGroup: 'Move between images',
  viewGroup: 'Size',
  lookGroup: 'Brightness',
  keysTitle: 'How to use your keyboard',
  keysHelp:
    'Press Tab to move to the image first. Use Page Up and Page Down to change image. Use the arrow keys to move the image. Press plus or minus to zoom. Press 0 to fit the image to the screen.',
  aboutTitle: 'About this type of image',
  describeWithIndex: '{description}, image {index} of {count}',
  'orientation.yourRight': 'Your right',
  'orientation.yourLeft': 'Your left',
  'orientation.head': 'Head',
  'orientation.feet': 'Feet',
  'orientation.front': 'Front',
  'orientation.back': 'Back',
  'orientation.roughly': 'Roughly: {direction}',
  'layer.summaryTitle': 'What your report says',
  'layer.labelsTitle': 'Labels on your image',
  'layer.kind.anatomy': 'Part of your body',
  'layer.kind.finding': 'From your report',
  'layer.otherImages': '{count} more labels are on other images.',
  'layer.otherImage': '1 more label is on another image.',
  'layer.onImage': 'On image {index}',
  'layer.showImage': 'Show image {index}',
  'layer.selected': '{title}. Label {number} of {total}, on image {index}.',
  'layer.notLoaded': 'We could not show the notes for this image. You can still look at the image.',
  'layer.opensNewTab': '(opens in a new tab)',
  'layer.close': 'Close',
  'layer.wordsToKnow': 'Words to know:',
  'layer.readMore': 'Read more on the NHS website',
  'layer.bodyMap': 'A drawing of a body with the {part} marked',
  'layer.bodyMapCaption': 'This image is of your {part}.',
  'layer.marker': 'Label {number}: {title}',
  'layer.scale': 'Scale: this line is {length} long',
  'scale.mm': '{length} mm',
  'scale.cm': '{length} cm',
  'scale.about': 'about {length}',
  'ask.open': 'Ask a question about this',
  'ask.legend': 'Choose a question, or write your own',
  'ask.suggested1': 'What does this mean for me?',
  'ask.suggested2': 'Do I need any more tests?',
  'ask.suggested3': 'Is this something to worry about?',
  'ask.yourQuestion': 'Your question',
  'ask.send': 'Send my question',
  'ask.cancel': 'Cancel',
  'ask.sent': 'Your question has been sent to your care team.',
  'ask.empty': 'Write a question, or choose one, before you send it.',
  'ask.save': 'Save for my appointment',
  'ask.saved': 'Saved to your questions for your appointment.',
  'list.title': 'Questions for my appointment',
  'list.remove': 'Remove',
  'list.removeLabel': 'Remove: {question}',
  'list.print': 'Print my questions',
  'care.non-urgent': 'Non-urgent advice:',
  'care.urgent': 'Urgent advice:',
  'care.emergency': 'Immediate action required:',
  'region.head': 'head',
  'region.neck': 'neck',
  'region.chest': 'chest',
  'region.abdomen': 'tummy',
  'region.pelvis': 'pelvis (lower tummy and hips)',
  'region.spine': 'spine',
  'region.arm': 'arm',
  'region.hand': 'hand',
  'region.leg': 'leg',
  'region.knee': 'knee',
  'region.foot': 'foot',
  'region.whole-body': 'whole body',
  // --- branch portal-dev ---
  'error.engine-failed': 'Something went wrong on our side, so we cannot show your image just now. Try again, or come back later.',
  // --- branch safety-phone ---
  /** On a phone, a tapped marker's words beside it: the way to the same label in the list below. */
  'layer.showInList': 'Show in the list',
  /** Said when choosing a label moved a picture that was off screen back into view. */
  'layer.pictureShown': 'Image {index} is now in view.',
  /** When this image has no labels and every label is on another image. */
  'layer.noneHere': 'There are no labels on this image. {count} labels are on other images.',
  'layer.noneHereOne': 'There are no labels on this image. 1 label is on another image.',
  // --- branch lay-report ---
  'report.title': "Your radiologist's report",
  'report.statement':
    'A radiologist wrote this report. A radiologist is a doctor who reads scans. They wrote it for the person who asked for your scan, so it uses medical words. That person will explain what it means for you.',
  'report.howTo': 'Some words have a dotted line under them. Select one to see what it means.',
  'report.explainedBy': 'Explained by {trust} on {date}.',
  'report.explainedGeneral': 'Word meanings are general. They do not say what your report means for you.',
  'report.original': 'In the report: {heading}',
  'report.section.findings': 'What the scan showed',
  'report.section.impression': 'What it means',
  'report.section.comparison': 'Compared with earlier scans',
  'report.section.history': 'Why you had the scan',
  'report.section.technique': 'How the scan was done',
  'report.showImage': 'Show image {index}',
  'report.imageShown': 'Image {index} is now showing.',
  'report.imageMissing': 'Image {index} is not in this set of images.',
  'report.meaningOf': 'What "{words}" means',
  'report.askWhich': 'Which part of the report is your question about?',
  'report.loading': 'Loading your report',
  'report.errorTitle': 'Sorry, we cannot show your report',
  'report.error.network': 'We could not load your report. Check your internet connection, then try again.',
  'report.error.unauthorised': 'We could not load your report because you need to sign in again.',
  'report.error.not-found': 'We could not find your report. It may have been moved.',
  'report.error.server': 'There is a problem with the report service. Try again later.',
  'report.error.timeout': 'Your report is taking too long to load. Try again later.',
  'report.error.too-large': 'Your report is too big to show here.',
  'report.error.not-text': 'This file is not a report we can show. Ask the team that did your scan for a copy.',
  'report.error.malformed': 'We could not read your report. Ask the team that did your scan for a copy.',
  'report.error.sensitive-not-found': 'Your report will show here when you choose to see it.',
  'report.truncated': 'This report is very long. Only the first part is shown here.',
  // --- branch dicom-cases ---
  'error.unsupported-image': 'This is a real image, but it is saved in a way we cannot open yet. Your care team can show it to you.',
  'error.unsupported-video': 'This is a moving image (a video clip). We cannot play this kind of image here yet. Your care team can show it to you.',
  hideMarks: 'Hide marks',
  marksNotice: 'This image has marks on it, such as arrows or words. They were added by the person who looked at your scan. You can hide them.',
  // --- branch keyboard-sr ---
  'list.removed': 'Question removed.',
  'ask.sentTitle': 'Question sent',
  'ask.sentTo': 'Your question has been sent to {recipient}.',
  'ask.recipient': 'your care team',
  'ask.youAsked': 'You asked:',
  'ask.nextSteps': 'They will read it and get back to you. If you feel unwell or are worried, contact your GP surgery or call 111.',
  'ask.savedTitle': 'Question saved',
  'ask.savedWhere': 'It is in your questions for your appointment, lower down this page. You can print them to take with you.',
  panGroup: 'Move the image',
  panUp: 'Move up',
  panDown: 'Move down',
  panLeft: 'Move left',
  panRight: 'Move right',
  'layer.readMoreTitle': '{title} on {site}',
  'layer.readMoreSite': 'Read about this on {site}',
  'site.nhs': 'the NHS website',
  'site.111': 'the NHS 111 website',
  'site.patient': 'the Patient.info website',
  // --- issue 15 poster ---
  /** Shown (and announced) while the first picture is on screen and the controls are still loading. */
  controlsGettingReady: 'Your image is ready. The controls are getting ready.',
  // --- issue 16 study ---
  'study.title': 'Your images',
  'study.keyTitle': 'Images your care team picked',
  'study.allTitle': 'All images in this scan',
  'study.keyItem': '{title}: image {index}',
  'study.count': '{count} images',
  'study.countOne': '1 image',
  'study.left': '{count} items in this scan are not images, such as reports.',
  'study.leftOne': '1 item in this scan is not an image, such as a report.',
  'study.empty': 'This scan has no images we can show. It may hold reports or other information.',
  'study.keyMissing': 'We could not find {count} of the images your care team picked.',
  'study.back': 'Back to the list of images',
  'study.moreDetail': 'More detail',
  'study.planning': 'Planning image, used to set up the scan',
  'study.view.front': 'Front view',
  'study.view.side': 'Side view',
  'study.view.angled': 'Angled view',
  'study.plane.side': 'seen from the side',
  'study.plane.front': 'seen from the front',
  'study.plane.top': 'seen from above',
  'study.ct.thin': 'Fine slices, to see small details',
  'study.ct.thick': 'Thicker slices, fewer to look through',
  'study.mr.t1': 'Fat looks bright',
  'study.mr.t2': 'Fluid looks bright',
  'study.mr.pd': 'Shows fine detail',
  'study.mr.fatDark': 'Fat made dark, shows swelling',
  'study.mr.fatMade': 'Fat made dark',
  'study.mr.flair': 'Fluid made dark, shows swelling',
  'study.mr.dwi': 'Shows how water moves',
  // --- issue 17 carer --- (signedOut is in messages-consent.ts: every element, the consent step too, shows it)
} as const;

/** The name of one built-in message (see `enGB`). */
export type MessageKey = keyof typeof enGB;
/** A whole catalogue: every key, as in {@link enGB} (the Welsh one is typed with this). */
export type Catalogue = { readonly [K in MessageKey]: string };
/** A portal's replacement words: any subset of the catalogue. */
export type Messages = Partial<Record<MessageKey, string>>;

/** Look up a message, preferring the portal's override. */
export function message(overrides: Messages | undefined, key: MessageKey, values?: Record<string, string | number>): string {
  const override = overrides?.[key];
  return format(typeof override === 'string' ? override : enGB[key], values);
}
