/**
 * The editor's own words, for the clinicians who write labels (not patients). They live in the
 * editor's chunk, not in the shell's message catalogue (`src/lay/messages.ts`), so a patient's page
 * never downloads them. English only for now; any of them can be replaced through the editor's
 * `words` property.
 */
export const editorWords = {
  heading: 'Labels for the patient',
  help: 'Click or tap the image to add a label. Drag a label to move it, or select it and use the arrow keys.',
  undo: 'Undo',
  redo: 'Redo',
  addHere: 'Add a label in the middle of this image',
  labelsHeading: 'Labels',
  noLabels: 'No labels yet.',
  marker: 'Label {number}: {title}. Arrow keys move it, Delete removes it.',
  untitled: 'no title yet',
  draft: 'draft',
  select: 'Edit label {number}: {title}',
  onImage: 'image {index}',
  labelHeading: 'Label {number}',
  title: 'Title (what the patient reads first)',
  search: 'Find words in the glossary',
  searchHint: 'Type 2 or more letters. Choosing a word fills in the title, description and link.',
  use: 'Use',
  noMatches: 'No glossary words match.',
  kind: 'Kind',
  anatomy: 'A part of the body',
  finding: 'Something in the report',
  description: 'Description',
  sensitive: 'Sensitive: hold it back until the patient chooses to see it',
  notBefore: 'Not before (the patient cannot see it before this date)',
  links: 'Links (trusted sites only)',
  linkTitle: 'Link text',
  linkUrl: 'Address (https)',
  addLink: 'Add link',
  removeLink: 'Remove link: {title}',
  untrusted: 'That address is not on a trusted site, so it was not added.',
  remove: 'Delete label {number}',
  note: 'Note from the PACS (for you only, never shown to the patient)',
  summaryHeading: 'The study',
  summary: 'Summary of the report, in plain words',
  open: 'Open an annotation document (JSON)',
  notReady: '{count} label(s) not ready: each needs a title before the patient can see it.',
  ready: 'Ready: {count} label(s) the patient will see.',
  problems: 'The document had problems: {count}. The rest was opened.',
  unreadable: 'That file could not be opened as an annotation document.',
  placed: 'Label {number} added at this point.',
  moved: 'Label {number} moved.',
  removed: 'Label {number} deleted.',
  undone: 'Undone.',
  redone: 'Redone.',
  nothingToUndo: 'Nothing to undo.',
  nothingToRedo: 'Nothing to redo.',
  noImage: 'Labels can be added once the image is shown.',
  preview: 'Preview as the patient',
  previewClose: 'Close the preview',
  previewHeading: 'What the patient sees',
  previewHint: 'On a phone-sized screen. Labels marked sensitive wait behind the patient\u2019s choice, as they will for the patient.',
  previewLanguage: 'Language of the preview',
  english: 'English',
  welsh: 'Cymraeg (Welsh)',
  hardSentence: 'Hard to read (above reading age 11): “{sentence}”',
  tooLong: 'It has {words} words: 25 at most is easier.',
  hardWords: 'Hard words: {words}.',
  plainInstead: 'Try “{plain}” for “{word}”.',
  glossaryInstead: 'Or use a glossary word, explained for the patient: {terms}.',
  hardCount: '{count} sentence(s) above reading age 11. You can still save, but the patient may find them hard to read.',
} as const;

export type EditorWordKey = keyof typeof editorWords;
export type EditorWords = Partial<Record<EditorWordKey, string>>;

/** A word with its `{placeholders}` filled. */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
