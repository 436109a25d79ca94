/**
 * Every word the viewer shows, in one catalogue (en-GB). Portals override any of them through the
 * viewer's `messages` property. Placeholders look like `{name}`.
 *
 * Written to NHS content style: plain English, short sentences, reading age 9 to 11
 * (checked in test/lay/readability.test.ts).
 */
export const enGB = {
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
  'error.not-an-image': 'This file does not have a picture we can show. It may be a report or other data.',
  'error.unsupported-format': 'We cannot show this type of file. It may not be a scan or X-ray.',
  'error.corrupt-file': 'This image file is damaged or not complete, so we cannot show it.',
  'error.rendering-unavailable': 'Your web browser could not draw this image. Try again, or use a different web browser.',
  'error.no-source': 'No image has been chosen yet.',
  someSkipped: 'We could not show {skipped} of the images in this set. You can still look at the others.',
  burnedInText: 'This picture may have writing on it from the scanner. The writing may include personal details.',
  previous: 'Previous image',
  next: 'Next image',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to screen',
  lighter: 'Lighter',
  darker: 'Darker',
  moreContrast: 'More contrast',
  lessContrast: 'Less contrast',
  reset: 'Reset',
  dragToAdjust: 'Drag to change brightness',
  controlsLabel: 'Image controls',
  moveGroup: 'Move between images',
  viewGroup: 'Size',
  lookGroup: 'Brightness',
  keysTitle: 'How to use your keyboard',
  keysHelp:
    'Press Tab to move to the picture first. Use Page Up and Page Down to change image. Use the arrow keys to move the picture. Press plus or minus to zoom. Press 0 to fit the picture to the screen.',
  aboutTitle: 'About this type of image',
  'kind.xray': 'X-ray',
  'kind.ct': 'CT scan',
  'kind.mri': 'MRI scan',
  'kind.ultrasound': 'ultrasound scan',
  'kind.nuclear': 'nuclear medicine scan',
  'kind.pet': 'PET scan',
  'kind.mammogram': 'mammogram',
  'kind.other': 'medical image',
  'about.xray': 'An X-ray is a single picture. Bones look white. Air, like in your lungs, looks dark.',
  'about.ct': 'A CT scan takes many X-ray pictures, like slices through your body. Move between images to go through the slices.',
  'about.mri': 'An MRI scan uses a magnet to take pictures, like slices through your body. Move between images to go through the slices.',
  'about.ultrasound': 'An ultrasound scan uses sound waves to make a picture. It shows the inside of your body.',
  'about.nuclear': 'For this scan you were given a tracer. A tracer is a safe liquid that shows up on the scan. Parts of your body that take in more of it look darker.',
  'about.pet': 'For a PET scan you are given a tracer. A tracer is a safe liquid that shows up on the scan. It shows how well parts of your body work.',
  'about.mammogram': 'A mammogram is an X-ray picture of the breast.',
  'about.other': 'This is a picture from a medical scan.',
  describe: '{kind} of the {part}',
  describeNoPart: '{kind}',
  describeWithIndex: '{description}, image {index} of {count}',
  'part.HEAD': 'head',
  'part.BRAIN': 'head',
  'part.CHEST': 'chest',
  'part.ABDOMEN': 'tummy',
  'part.PELVIS': 'pelvis (hips)',
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
} as const;

export type MessageKey = keyof typeof enGB;
/** A portal's replacement words: any subset of the catalogue. */
export type Messages = Partial<Record<MessageKey, string>>;

/** Fill `{name}` placeholders. Values are plain text; Lit escapes them when rendered. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** Look up a message, preferring the portal's override. */
export function message(overrides: Messages | undefined, key: MessageKey, values?: Record<string, string | number>): string {
  const override = overrides?.[key];
  return format(typeof override === 'string' ? override : enGB[key], values);
}
