/**
 * The words the consent step (`<finding-disclosure>`) needs: what kind of image is coming and what it
 * shows, the body part, and the study and finding steps themselves. They are part of {@link enGB}
 * (`messages.ts`), which spreads them in, so a portal overrides them by the same keys.
 *
 * They live in a file of their own because the consent step loads before the patient agrees to see
 * anything, in a shell with a 25 kB budget (.size-limit.mjs): only these words come with it, and the
 * rest of the catalogue comes with the viewer, the layer and the report. Nothing in the shell may
 * import `messages.ts` itself (test/node/layers.test.mjs checks it).
 */
export const consentEnGB = {
  'kind.xray': 'X-ray',
  'kind.ct': 'CT scan',
  'kind.mri': 'MRI scan',
  'kind.ultrasound': 'ultrasound scan',
  'kind.nuclear': 'nuclear medicine scan',
  'kind.pet': 'PET scan',
  'kind.mammogram': 'mammogram',
  'kind.other': 'medical image',
  'about.xray': 'An X-ray is an image taken in a moment. There may be one or a few. Bones look white. Air, like in your lungs, looks dark.',
  'about.ct': 'A CT scan takes many X-ray images, like slices through your body. Move between images to go through the slices.',
  'about.mri': 'An MRI scan uses a magnet to take images. They are like slices through your body. Move between images to go through the slices.',
  'about.ultrasound': 'An ultrasound scan uses sound waves to make images. They show the inside of your body.',
  'about.nuclear': 'For this scan you were given a tracer. A tracer is a medicine with a small amount of radiation in it. Parts of your body that take in more of it usually look brighter here.',
  'about.pet': 'For a PET scan you are given a tracer. A tracer is a medicine with a small amount of radiation in it. It shows how well parts of your body work.',
  'about.mammogram': 'A mammogram is an X-ray image of the breast.',
  'about.other': 'This is an image from a medical scan.',
  describe: '{kind} of the {part}',
  describeNoPart: '{kind}',
  'part.HEAD': 'head',
  'part.BRAIN': 'head',
  'part.CHEST': 'chest',
  'part.ABDOMEN': 'tummy',
  'part.PELVIS': 'pelvis (lower tummy)',
  'part.SPINE': 'spine',
  'part.CSPINE': 'neck',
  'part.TSPINE': 'upper back',
  'part.LSPINE': 'lower back',
  'part.KNEE': 'knee',
  'part.HIP': 'hip',
  'part.HAND': 'hand',
  'part.FOOT': 'foot',
  'part.ANKLE': 'ankle',
  'part.WRIST': 'wrist',
  'part.SHOULDER': 'shoulder',
  'part.ELBOW': 'elbow',
  'part.NECK': 'neck',
  'part.HEART': 'heart',
  'part.BREAST': 'breast',
  'part.WHOLEBODY': 'whole body',
  'disclosure.title': 'Before you look at your images',
  'disclosure.whatsComing': 'The next part of this page shows the images from your {kind}.',
  'disclosure.strange': 'Scan images can look strange if you are not used to them. This does not mean something is wrong.',
  'disclosure.stop': 'You can stop looking at any time. You can also come back to them later.',
  'disclosure.show': 'Show my images',
  'disclosure.notNow': 'Not now',
  'disclosure.talk': "I'd rather talk to someone first",
  'disclosure.deferred': 'Your images are hidden. You can look at them whenever you are ready.',
  'disclosure.hide': 'Hide my images',
  'disclosure.shownHeading': 'Your images',
  'disclosure.shown': 'Your images are now showing.',
  'disclosure.hidden': 'Your images are hidden.',
  'disclosure.stopped': 'Your images cannot be shown just now.',
  'sensitive.noticeOne': 'There is something in your report your care team wants to talk through with you',
  'sensitive.notice': 'There are {count} things in your report your care team wants to talk through with you',
  'sensitive.explain': 'You can choose to see it now, or wait and talk to your care team first. Both are fine.',
  'sensitive.show': 'Show me now',
  'sensitive.wait': "I'll wait to talk to my care team",
  'sensitive.waiting': 'You chose to wait. You can change your mind at any time.',
  'sensitive.locked': 'You can choose to see it from {date}.',
  'sensitive.hideAgain': 'Hide it again',
  'sensitive.shownOne': '1 more label is now showing.',
  'sensitive.shown': '{count} more labels are now showing.',
  'sensitive.summaryHeld': 'Your report summary will show here once you choose to see what your care team marked.',
  'sensitive.explainMany': 'You can see them one at a time, or all now. Or you can wait and talk to your care team first. All are fine.',
  'sensitive.findingName': 'Part {number} of your report',
  'sensitive.showFinding': 'Show part {number}',
  'sensitive.hideFinding': 'Hide part {number} again',
  'sensitive.findingShown': 'This is now showing on your image and in the list of labels.',
  'sensitive.findingLocked': 'You can choose to see this from {date}.',
  'sensitive.showAll': 'Show me all of them now',
  'sensitive.allShown': 'You chose to see all of them. You can hide each one again.',
  'sensitive.wrappedHeading': 'What your care team wants to talk through',
  'sensitive.wrappedShown': 'This part of your report is now showing.',
  'sensitive.stopped': 'This cannot be shown just now.',
  /** Issue 17: what any element shows after `clear()` (sign-out), until a new source is set. */
  signedOut: 'Signed out. Sign in again to see this.',
} as const;

/** Fill `{name}` placeholders. Values are plain text; Lit escapes them when rendered. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** A consent-step message, preferring the portal's override (see `message()` in messages.ts for the rest). */
export function consentMessage(
  overrides: Partial<Record<keyof typeof consentEnGB, string>> | undefined,
  key: keyof typeof consentEnGB,
  values?: Record<string, string | number>,
): string {
  const override = overrides?.[key];
  return format(typeof override === 'string' ? override : consentEnGB[key], values);
}
