/**
 * Known unknowns: report phrases whose meaning is NOT the meaning of their parts, and that the
 * glossary does not explain. `findTerms` finds them like any phrase and then leaves their words
 * alone, so "sinus rhythm" is never explained through "sinus" (a space in the face bones) and
 * "femoral vein" never through "femoral" (the thigh bone). An entry with the same words wins over a
 * phrase here. Data only: lower case, spaces between words (a space also matches a hyphen); plurals
 * and US spellings are found automatically.
 *
 * Add a phrase here whenever a report's compound would be misread through one of its words and the
 * glossary has no entry for the whole phrase (test/lay/find-terms.unit.test.ts checks a sample).
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
  'referred pain', 'systemic sclerosis', 'tuberous sclerosis', 'hippocampal sclerosis', 'mesial temporal sclerosis',
  'frontal scalp', 'parietal scalp', 'occipital scalp', 'temporal scalp', 'iliac lymph nodes', 'iliac nodes', 'iliac vessels',
  'internal mammary', 'internal mammary artery', 'internal mammary lymph nodes', 'internal mammary nodes', 'aortic isthmus',
  'follicular lymphoma', 'follicular thyroid', 'follicular carcinoma', 'myocardial viability', 'patellar facet', 'lateral facet',
  'medial facet', 'trochlear groove', 'femoral trochlea', 'tumour infiltration', 'follow-up interval', 'at an interval',
  // Cancer staging (T3 N1...), where T1 to T4 are stages, not spine bones; and other windows.
  't1 n0', 't1 n1', 't1 n2', 't1 n3', 't1 nx', 't1 n1a', 't1 n1b', 't1 n2a', 't1 n2b', 't1a n0', 't1a n1', 't1a n2',
  't1a n3', 't1a nx', 't1a n1a', 't1a n1b', 't1a n2a', 't1a n2b', 't1b n0', 't1b n1', 't1b n2', 't1b n3', 't1b nx',
  't1b n1a', 't1b n1b', 't1b n2a', 't1b n2b', 't1c n0', 't1c n1', 't1c n2', 't1c n3', 't1c nx', 't1c n1a', 't1c n1b',
  't1c n2a', 't1c n2b', 't2 n0', 't2 n1', 't2 n2', 't2 n3', 't2 nx', 't2 n1a', 't2 n1b', 't2 n2a', 't2 n2b',
  't2a n0', 't2a n1', 't2a n2', 't2a n3', 't2a nx', 't2a n1a', 't2a n1b', 't2a n2a', 't2a n2b', 't2b n0', 't2b n1',
  't2b n2', 't2b n3', 't2b nx', 't2b n1a', 't2b n1b', 't2b n2a', 't2b n2b', 't3 n0', 't3 n1', 't3 n2', 't3 n3',
  't3 nx', 't3 n1a', 't3 n1b', 't3 n2a', 't3 n2b', 't3a n0', 't3a n1', 't3a n2', 't3a n3', 't3a nx', 't3a n1a',
  't3a n1b', 't3a n2a', 't3a n2b', 't3b n0', 't3b n1', 't3b n2', 't3b n3', 't3b nx', 't3b n1a', 't3b n1b', 't3b n2a',
  't3b n2b', 't4 n0', 't4 n1', 't4 n2', 't4 n3', 't4 nx', 't4 n1a', 't4 n1b', 't4 n2a', 't4 n2b', 't4a n0', 't4a n1',
  't4a n2', 't4a n3', 't4a nx', 't4a n1a', 't4a n1b', 't4a n2a', 't4a n2b', 't4b n0', 't4b n1', 't4b n2', 't4b n3',
  't4b nx', 't4b n1a', 't4b n1b', 't4b n2a', 't4b n2b', 'tx n0', 'tx n1', 'tx n2', 'tx n3', 'tx nx', 'tx n1a',
  'tx n1b', 'tx n2a', 'tx n2b', 't0 n0', 't0 n1', 't0 n2', 't0 n3', 't0 nx', 't0 n1a', 't0 n1b', 't0 n2a', 't0 n2b',
  'tis n0', 'tis n1', 'tis n2', 'tis n3', 'tis nx', 'tis n1a', 'tis n1b', 'tis n2a', 'tis n2b', 't1 tumour',
  't2 tumour', 't3 tumour', 't4 tumour', 't3 disease', 't4 disease', 'stage t1', 'stage t2', 'stage t3', 'stage t4',
  't2 stage', 't3 stage', 't4 stage', 'aortopulmonary window', 'ap window',
  'node of ranvier', 'virchow node', "virchow's node", 'sister mary joseph node',
];
