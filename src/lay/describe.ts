import type { SafeFacts } from '../sources/inspect.js';
import { consentEnGB, consentMessage } from './messages-consent.js';
import type { Messages } from './messages.js';

type ConsentKey = keyof typeof consentEnGB;

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
  const kind = consentMessage(messages, `kind.${kindOf(facts.modality)}`);
  const partKey = `part.${facts.bodyPart.replace(/[^A-Z]/g, '')}`;
  if (partKey in consentEnGB) {
    return capitalise(consentMessage(messages, 'describe', { kind, part: consentMessage(messages, partKey as ConsentKey) }));
  }
  return capitalise(consentMessage(messages, 'describeNoPart', { kind }));
}

/** A short explanation of the kind of image. */
export function explain(modality: string, messages?: Messages): string {
  return consentMessage(messages, `about.${kindOf(modality)}`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
