/**
 * Known unknowns: report phrases whose meaning is NOT the meaning of their parts, and that the
 * glossary does not explain. `findTerms` finds them like any phrase and then leaves their words
 * alone, so "sinus rhythm" is never explained through "sinus" (a space in the face bones) and
 * "femoral vein" never through "femoral" (the thigh bone). An entry with the same words wins over a
 * phrase here. Data only: lower case, spaces between words (a space also matches a hyphen); plurals
 * and US spellings are found automatically.
 *
 * Add a phrase here whenever a report's compound would be misread through one of its words and the
 * glossary has no entry for the whole phrase (test/lay/find-terms.test.ts checks a sample).
 */
export const BLOCKED_PHRASES: readonly string[] = [
  // "sinus": a space in the face bones, but not in these.
  'sinus rhythm', 'sinus tachycardia', 'sinus bradycardia', 'sinus arrhythmia', 'sinus tarsi', 'pilonidal sinus',
  'coronary sinus', 'carotid sinus', 'venous sinus', 'dural venous sinus', 'dural sinus', 'sagittal sinus',
  'superior sagittal sinus', 'inferior sagittal sinus', 'transverse sinus', 'sigmoid sinus', 'cavernous sinus',
  'straight sinus', 'sinus tract', 'sinus of valsalva', 'sinuses of valsalva', 'renal sinus', 'renal sinus fat',
  'sinus thrombosis', 'venous sinus thrombosis', 'piriform sinus', 'pyriform sinus', 'tarsal sinus',
  // Bone names used for the blood vessels and nerves beside them.
  'femoral vein', 'common femoral vein', 'superficial femoral vein', 'deep femoral vein', 'femoral artery',
  'common femoral artery', 'superficial femoral artery', 'profunda femoris', 'femoral nerve', 'femoral vessels',
  'femoral pulse', 'femoral canal', 'femoral triangle', 'ulnar nerve', 'ulnar artery', 'ulnar deviation',
  'ulnar collateral ligament', 'ulnar neuropathy', 'radial artery', 'radial nerve', 'radial deviation',
  'radial collateral ligament', 'tibial nerve', 'tibial artery', 'anterior tibial artery', 'posterior tibial artery',
  'tibial vein', 'posterior tibial vein', 'anterior tibial vein', 'tibialis anterior', 'tibialis posterior',
  'tibialis posterior tendon', 'tibialis anterior tendon', 'peroneal artery', 'peroneal vein', 'fibular nerve',
  'common fibular nerve', 'humeral artery', 'circumflex humeral artery', 'subclavian artery', 'subclavian vein',
  'vertebral artery', 'vertebral arteries', 'vertebral vein',
  'spinal artery', 'sacral nerve', 'sacral nerves', 'pelvic floor muscles', 'iliac artery', 'iliac vein',
  'common iliac artery', 'external iliac artery', 'internal iliac artery', 'common iliac vein',
  // Heart words that are not the heart's parts we explain.
  'sinoatrial node', 'atrioventricular node', 'av node', 'sa node', 'bundle branch block', 'heart block',
  'heart rate', 'cardiac arrest', 'cardiac output', 'cardiac cycle', 'cardiac gating', 'ecg gating', 'ecg gated',
  'atrial fibrillation', 'atrial flutter', 'ventricular ectopics', 'heart sounds',
  'venous valves', 'venous valve', 'valve of houston',
  // Brain words.
  'tonsillar herniation', 'uncal herniation', 'subfalcine herniation', 'transtentorial herniation',
  'cerebellar tonsils', 'cerebellar tonsillar ectopia', 'optic disc', 'optic nerve sheath',
  // Words that are not the organ or tissue of the same name.
  'muscle mass', 'bone mass', 'fat mass', 'lean mass', 'body mass', 'body mass index', 'lean body mass',
  'in contrast', 'by contrast', 'in contrast to', 'contrast to', 'contrast with', 'in contrast with',
  'vocal cord', 'vocal cords', 'umbilical cord',
  'stable fracture', 'unstable fracture', 'haemodynamically stable', 'clinically stable', 'clinically well',
  'window of opportunity', 'growth chart', 'heart shaped', 'mass casualty',
  'white matter tract', 'blood pressure', 'blood test', 'blood tests', 'blood results', 'blood sugar',
  'liver function tests', 'liver function test', 'kidney function', 'renal function', 'thyroid function tests',
  'cystic artery',
  'sternal notch', 'suprasternal notch', 'jugular notch', 'spinal needle', 'spinal anaesthetic', 'spinal block',
  'epidural anaesthetic', 'epidural injection', 'nerve block', 'nerve conduction studies', 'nerve conduction study',
  'joint replacement clinic', 'fracture clinic', 'lung function tests', 'lung function test', 'pulmonary function tests',
  'breast clinic', 'dental caries', 'tooth root', 'root canal', 'aortic root replacement',
  // Skull bones and ventricle parts named like the brain's lobes.
  'frontal bone', 'frontal bones', 'parietal bone', 'parietal bones', 'temporal bone', 'temporal bones', 'occipital bone',
  'occipital condyle', 'occipital condyles', 'frontal horn', 'frontal horns', 'occipital horn', 'occipital horns',
  'temporal horn', 'temporal horns', 'temporal artery', 'temporal arteries', 'temporal arteritis', 'frontal view',
  'parietal pleura', 'visceral pleura', 'parietal peritoneum', 'visceral peritoneum', 'caudate lobe', 'vaginal vault',
  'basilar artery', 'basilar tip', 'temporal relationship',
  'spermatic cord', 'foramen magnum', 'foramen ovale', 'patent foramen ovale', 'obturator foramen', 'cervical smear',
  'cervical screening', 'ear canal', 'auditory canal', 'semicircular canal', 'adductor canal', 'carpal tunnel syndrome',
  'skeletal muscle', 'compartment syndrome', 'flexor retinaculum', 'extensor retinaculum', 'renal medulla', 'adrenal medulla',
  'colloid cyst', 'colloid cysts',
  'node of ranvier', 'virchow node', "virchow's node", 'sister mary joseph node',
];
