import type { SafeFacts } from '../sources/inspect.js';
import { enGB, message, type MessageKey, type Messages } from './messages.js';

/** The kind of images a modality makes, in the words the patient is given. */
export type ImageKind = 'xray' | 'ct' | 'mri' | 'ultrasound' | 'nuclear' | 'pet' | 'mammogram' | 'other';

const KIND_BY_MODALITY: Record<string, ImageKind> = {
  CR: 'xray',
  DX: 'xray',
  RG: 'xray',
  DR: 'xray',
  XA: 'xray',
  RF: 'xray',
  PX: 'xray',
  IO: 'xray',
  CT: 'ct',
  MR: 'mri',
  US: 'ultrasound',
  NM: 'nuclear',
  PT: 'pet',
  MG: 'mammogram',
};

/** The plain kind of image for a modality code. */
export function kindOf(modality: string): ImageKind {
  return KIND_BY_MODALITY[modality.toUpperCase()] ?? 'other';
}

/** "CT scan of the head": a plain description with no identifying data. */
export function describe(facts: Pick<SafeFacts, 'modality' | 'bodyPart'>, messages?: Messages): string {
  const kind = message(messages, `kind.${kindOf(facts.modality)}` as MessageKey);
  const partKey = `part.${facts.bodyPart.replace(/[^A-Z]/g, '')}`;
  if (partKey in enGB) {
    return capitalise(message(messages, 'describe', { kind, part: message(messages, partKey as MessageKey) }));
  }
  return capitalise(message(messages, 'describeNoPart', { kind }));
}

/** A short explanation of the kind of image. */
export function explain(modality: string, messages?: Messages): string {
  return message(messages, `about.${kindOf(modality)}` as MessageKey);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
