/**
 * The built-in glossary (en-GB): words patients meet in X-ray, CT, MRI, ultrasound and nuclear
 * medicine reports, each with a plain-English definition and a page on the NHS website.
 *
 * Written to NHS content style: short sentences, common words, reassuring rather than alarming,
 * reading age 11 or lower (Flesch-Kincaid grade 6 or lower, checked in test/lay/glossary.test.ts).
 * A definition never uses its own word, and uses other glossary words only when they are everyday
 * words (lung, heart, blood vessel, X-ray...).
 *
 * Portals add words or replace ours with {@link buildGlossary}; {@link segmentText} in
 * `glossary-text.ts` finds glossary words in any text.
 */

export interface GlossaryEntry {
  /** Stable id, kebab-case, e.g. 'pleural-effusion'. */
  id: string;
  /** The word as patients read it in a report, e.g. 'pleural effusion'. */
  term: string;
  /**
   * Other spellings or forms that mean the same (plurals, US spellings, abbreviations), e.g.
   * ['pleural effusions']. Forms written all in capitals (abbreviations such as 'AP', 'PET',
   * 'FLAIR') match only when written in capitals, so they never mark ordinary words.
   */
  aliases?: string[];
  /** Plain-English definition: 1 to 3 short sentences. */
  definition: string;
  /** A trusted page to read more (https, nhs.uk for the built-in ones). */
  url: string;
}

/** A glossary ready to use: its entries and a lookup by id, term or alias. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** The entry with this id, term or alias (terms and aliases case-insensitive), if any. */
  get(idOrTerm: string): GlossaryEntry | undefined;
}

/**
 * Glossary words that are everyday words: a definition may use them without explaining them, and
 * the annotation layer does not mark them as hard words in a report's text (marking "heart" in
 * every sentence would be noise). Lower case.
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set([
  'arteries', 'bladder', 'blood vessel', 'blood vessels', 'bowel', 'brain', 'clot', 'ct', 'ct scan', 'ct scans',
  'fluid', 'gallbladder', 'gland', 'glands', 'heart', 'joint', 'joints', 'kidney', 'kidneys', 'liver', 'lung',
  'lungs', 'mri', 'mri scan', 'mri scans', 'muscle', 'muscles', 'nerve', 'nerves', 'ovaries', 'pet scan', 'ribs',
  'slices', 'spine', 'spleen', 'stomach', 'ultrasound', 'ultrasound scan', 'ultrasound scans', 'vein', 'veins',
  'wear and tear', 'windpipe', 'x-ray', 'x-rays',
]);

const NHS = 'https://www.nhs.uk/conditions/';
const XRAY = `${NHS}x-ray/`;
const CT = `${NHS}ct-scan/`;
const MRI = `${NHS}mri-scan/`;
const ULTRASOUND = `${NHS}ultrasound-scan/`;
const PET = `${NHS}pet-scan/`;
const BROKEN_BONES = `${NHS}broken-bones/`;
const OSTEOARTHRITIS = `${NHS}osteoarthritis/`;
const KNEE_PAIN = `${NHS}knee-pain/`;
const SHOULDER_PAIN = `${NHS}shoulder-pain/`;
const BACK_PAIN = `${NHS}back-pain/`;
const SLIPPED_DISC = `${NHS}slipped-disc/`;
const STROKE = `${NHS}stroke/`;
const PLEURISY = `${NHS}pleurisy/`;
const LIVER_DISEASE = `${NHS}liver-disease/`;
const ECHO = `${NHS}echocardiogram/`;
const SPRAINS = `${NHS}sprains-and-strains/`;

const ENTRIES: GlossaryEntry[] = [
  // ---------------------------------------------------------------- The kinds of scan
  {
    id: 'x-ray',
    term: 'X-ray',
    aliases: ['X-rays', 'x ray', 'x rays', 'xray', 'xrays', 'radiograph', 'radiographs', 'plain film', 'plain films'],
    definition: 'A quick test that takes a picture of the inside of your body. It uses a small amount of radiation and does not hurt.',
    url: XRAY,
  },
  {
    id: 'ct-scan',
    term: 'CT scan',
    aliases: ['CT scans', 'CT', 'CAT scan', 'computed tomography'],
    definition: 'A scan that uses X-rays and a computer to take lots of pictures of the inside of your body. The pictures are like thin slices.',
    url: CT,
  },
  {
    id: 'mri-scan',
    term: 'MRI scan',
    aliases: ['MRI scans', 'MRI', 'MR scan', 'magnetic resonance imaging'],
    definition: 'A scan that uses a strong magnet and radio waves to take pictures of the inside of your body. It does not use X-rays.',
    url: MRI,
  },
  {
    id: 'ultrasound-scan',
    term: 'ultrasound scan',
    aliases: ['ultrasound scans', 'ultrasound', 'sonography', 'sonogram'],
    definition: 'A scan that uses sound waves to make pictures of the inside of your body. It is safe and does not hurt.',
    url: ULTRASOUND,
  },
  {
    id: 'nuclear-medicine-scan',
    term: 'nuclear medicine scan',
    aliases: ['nuclear medicine scans', 'nuclear medicine', 'isotope scan', 'radionuclide scan', 'scintigraphy'],
    definition: 'For this scan, you are given a safe liquid. It has a tiny bit of radiation in it. A special camera then shows where the liquid goes in your body.',
    url: NHS,
  },
  {
    id: 'pet-scan',
    term: 'PET scan',
    aliases: ['PET scans', 'PET', 'PET-CT', 'PET CT', 'positron emission tomography'],
    definition: 'A scan that shows how well parts of your body are working. Before the scan, you are given a safe liquid with a tiny amount of radiation in it.',
    url: PET,
  },
  {
    id: 'spect',
    term: 'SPECT',
    aliases: ['SPECT-CT', 'SPECT scan'],
    definition: 'For this scan, you are given a safe liquid. It has a tiny bit of radiation in it. A camera moves around you to make 3D pictures of where the liquid goes.',
    url: NHS,
  },
  {
    id: 'bone-scan',
    term: 'bone scan',
    aliases: ['bone scans', 'isotope bone scan'],
    definition: 'A scan of your bones. First you are given a safe liquid with a tiny amount of radiation in it. The scan shows parts of bone that are working harder than usual, for example to heal.',
    url: NHS,
  },
  {
    id: 'dexa-scan',
    term: 'DEXA scan',
    aliases: ['DEXA', 'DXA', 'DXA scan', 'bone density scan'],
    definition: 'A quick X-ray that checks how strong your bones are. It uses a very small amount of radiation.',
    url: `${NHS}bone-density-scan/`,
  },
  {
    id: 'mammogram',
    term: 'mammogram',
    aliases: ['mammograms', 'mammography'],
    definition: 'An X-ray of the breast. It can find changes that are too small to see or feel.',
    url: `${NHS}breast-screening-mammogram/`,
  },
  {
    id: 'echocardiogram',
    term: 'echocardiogram',
    aliases: ['echocardiography', 'echo'],
    definition: 'An ultrasound scan of the heart. It shows how well your heart pumps blood.',
    url: ECHO,
  },
  {
    id: 'angiogram',
    term: 'angiogram',
    aliases: ['angiograms', 'angiography', 'CT angiogram', 'CTA', 'MRA', 'MR angiogram'],
    definition: 'A scan or X-ray that shows your blood vessels. A dye is often used to make them show up clearly.',
    url: `${NHS}angiography/`,
  },
  {
    id: 'fluoroscopy',
    term: 'fluoroscopy',
    aliases: ['fluoroscopic', 'screening study'],
    definition: 'A type of X-ray that shows moving pictures, like a video. It lets the team watch things such as food moving down as you swallow.',
    url: XRAY,
  },
  // ---------------------------------------------------------------- How scans are taken
  {
    id: 'contrast',
    term: 'contrast',
    aliases: ['contrast agent', 'contrast medium', 'contrast dye', 'IV contrast', 'iodinated contrast', 'post-contrast', 'post contrast'],
    definition: 'A special dye that makes parts of your body show up more clearly on a scan. You may be given it as a drink, or through a thin tube in your arm.',
    url: CT,
  },
  {
    id: 'gadolinium',
    term: 'gadolinium',
    aliases: ['gadolinium-based contrast'],
    definition: 'The dye most often used for MRI scans. It is given through a thin tube in your arm, and it helps some parts show up more clearly.',
    url: MRI,
  },
  {
    id: 'barium',
    term: 'barium',
    aliases: ['barium swallow', 'barium meal', 'barium enema'],
    definition: 'A white, chalky liquid that shows up on X-rays. It helps show your food pipe, stomach or bowel more clearly.',
    url: XRAY,
  },
  {
    id: 'cannula',
    term: 'cannula',
    aliases: ['cannulas', 'cannulae', 'IV line'],
    definition: 'A thin, soft tube put into a vein, often in your hand or arm. It is used to give you medicine or dye.',
    url: CT,
  },
  {
    id: 'tracer',
    term: 'tracer',
    aliases: ['tracers', 'radiotracer', 'radioactive tracer', 'radiopharmaceutical', 'isotope', 'FDG'],
    definition: 'A safe liquid with a tiny amount of radiation in it, used for some scans. It is usually given as an injection. A special camera can see where it goes.',
    url: PET,
  },
  {
    id: 'uptake',
    term: 'uptake',
    aliases: ['tracer uptake', 'increased uptake', 'avid', 'FDG-avid', 'avidity'],
    definition: 'For some scans, you are given a safe liquid that shows up on a camera. This word means how much of it a part of your body takes in. A part that takes in more may be healing or swollen.',
    url: PET,
  },
  {
    id: 'suv',
    term: 'SUV',
    aliases: ['SUVmax', 'standardised uptake value', 'standardized uptake value'],
    definition: 'A number on a PET scan. It shows how much of the liquid given for the scan a part of your body has taken in.',
    url: PET,
  },
  {
    id: 'radiation-dose',
    term: 'radiation dose',
    aliases: ['dose', 'effective dose', 'radiation exposure'],
    definition: 'How much radiation your body gets during a test. It is kept as low as it can be, and the risk from it is very small.',
    url: XRAY,
  },
  {
    id: 't1-weighted',
    term: 'T1-weighted',
    aliases: ['T1 weighted', 'T1W', 'T1-weighted images'],
    definition: 'A type of MRI picture. Fat looks bright and water looks dark. It is good for showing the shape of things.',
    url: MRI,
  },
  {
    id: 't2-weighted',
    term: 'T2-weighted',
    aliases: ['T2 weighted', 'T2W', 'T2-weighted images'],
    definition: 'A type of MRI picture. Water looks bright, which helps to show swelling.',
    url: MRI,
  },
  {
    id: 'flair',
    term: 'FLAIR',
    aliases: ['fluid-attenuated inversion recovery', 'fluid attenuated inversion recovery'],
    definition: 'A type of MRI picture where the normal water around the brain looks dark. This makes swelling and small changes easier to see.',
    url: MRI,
  },
  {
    id: 'stir',
    term: 'STIR',
    aliases: ['short tau inversion recovery'],
    definition: 'A type of MRI picture where fat is made to look dark. This makes swelling show up brightly.',
    url: MRI,
  },
  {
    id: 'fat-suppression',
    term: 'fat suppression',
    aliases: ['fat suppressed', 'fat-suppressed', 'fat saturation', 'fat saturated', 'fat sat', 'fat-sat'],
    definition: 'A way of taking MRI pictures so that fat looks dark. This helps other things, like swelling, stand out.',
    url: MRI,
  },
  {
    id: 'diffusion-weighted',
    term: 'diffusion-weighted',
    aliases: ['diffusion weighted', 'diffusion-weighted imaging', 'DWI', 'ADC', 'restricted diffusion', 'diffusion restriction'],
    definition: 'A type of MRI picture that shows how water moves in your body. It can show very recent changes, such as from a stroke.',
    url: MRI,
  },
  {
    id: 'sequence',
    term: 'sequence',
    aliases: ['sequences', 'MRI sequence', 'MRI sequences'],
    definition: 'One set of MRI pictures. Each set is taken in a different way, to show different things.',
    url: MRI,
  },
  {
    id: 'signal',
    term: 'signal',
    aliases: ['signal intensity', 'signal change', 'signal abnormality'],
    definition: 'How bright or dark something looks on an MRI scan. It describes how it looks, not what it is.',
    url: MRI,
  },
  {
    id: 'slice',
    term: 'slice',
    aliases: ['slices', 'image slice'],
    definition: 'One picture from a CT or MRI scan. It shows one thin layer of your body, like one piece from a loaf of bread.',
    url: CT,
  },
  {
    id: 'slice-thickness',
    term: 'slice thickness',
    definition: 'How thick each layer of a CT or MRI scan is. Thinner layers show more detail.',
    url: CT,
  },
  {
    id: 'axial',
    term: 'axial',
    aliases: ['axial plane', 'axial view', 'axial views', 'transverse', 'transaxial'],
    definition: 'Pictures that cut straight across your body, from side to side. They are shown as if you were looking up from the feet.',
    url: CT,
  },
  {
    id: 'coronal',
    term: 'coronal',
    aliases: ['coronal plane', 'coronal view', 'coronal views'],
    definition: 'Pictures that show your body from the front. Each one is a layer, going from the front of your body to the back.',
    url: CT,
  },
  {
    id: 'sagittal',
    term: 'sagittal',
    aliases: ['sagittal plane', 'sagittal view', 'sagittal views'],
    definition: 'Pictures that show your body from the side. Each one is a layer, going from one side of your body to the other.',
    url: CT,
  },
  {
    id: 'reconstruction',
    term: 'reconstruction',
    aliases: ['reconstructions', 'reformat', 'reformats', 'reformatted', 'MPR', '3D reconstruction'],
    definition: 'Extra pictures made by a computer from the scan. They show your body from a different angle, or in 3D.',
    url: CT,
  },
  {
    id: 'hounsfield-unit',
    term: 'Hounsfield unit',
    aliases: ['Hounsfield units', 'HU'],
    definition: 'A number on a CT scan that shows how much something blocks X-rays. Water is 0 and air is about minus 1,000. Bone has a high number.',
    url: CT,
  },
  {
    id: 'attenuation',
    term: 'attenuation',
    aliases: ['attenuating', 'low attenuation', 'high attenuation'],
    definition: 'How much something blocks X-rays on a CT scan. It decides how bright or dark that part looks.',
    url: CT,
  },
  {
    id: 'density',
    term: 'density',
    aliases: ['dense', 'densities'],
    definition: 'How much something blocks X-rays. Solid things like bone look white. Air looks dark, and soft parts look grey.',
    url: XRAY,
  },
  {
    id: 'window',
    term: 'window',
    aliases: ['windows', 'windowing', 'window level', 'lung window', 'lung windows', 'bone window', 'bone windows', 'soft tissue window'],
    definition: 'A setting that changes how bright or dark a CT picture looks. Each setting makes a different part, like lung or bone, easier to see.',
    url: CT,
  },
  {
    id: 'doppler',
    term: 'Doppler',
    aliases: ['Doppler ultrasound', 'colour Doppler', 'color Doppler', 'Doppler scan'],
    definition: 'A type of ultrasound scan that shows blood moving through your blood vessels. It can show how fast the blood flows.',
    url: ULTRASOUND,
  },
  {
    id: 'transducer',
    term: 'transducer',
    aliases: ['transducers', 'probe', 'ultrasound probe'],
    definition: 'The small, hand-held part of an ultrasound machine. It is moved over your skin, with some gel, to make the pictures.',
    url: ULTRASOUND,
  },
  {
    id: 'transvaginal',
    term: 'transvaginal',
    aliases: ['transvaginal scan', 'transvaginal ultrasound', 'TVS', 'internal scan'],
    definition: 'An ultrasound scan where a small, smooth wand is gently put into the vagina. It gives clearer pictures of the womb and ovaries.',
    url: ULTRASOUND,
  },
  {
    id: 'radiopaque',
    term: 'radiopaque',
    aliases: ['radio-opaque', 'radiodense'],
    definition: 'Blocks X-rays, so it looks white on an X-ray picture. Bone and metal look like this.',
    url: XRAY,
  },
  {
    id: 'radiolucent',
    term: 'radiolucent',
    aliases: ['radio-lucent'],
    definition: 'Lets X-rays pass through, so it looks dark on an X-ray picture. Air and fat look like this.',
    url: XRAY,
  },
  {
    id: 'projection',
    term: 'projection',
    aliases: ['projections'],
    definition: 'The way the X-rays pass through your body to take a picture. Taking pictures from different ways shows different sides.',
    url: XRAY,
  },
  {
    id: 'ap',
    term: 'AP',
    aliases: ['AP view', 'anteroposterior', 'antero-posterior'],
    definition: 'An X-ray taken from front to back. The X-rays go in at the front of your body, and the picture is made at your back.',
    url: XRAY,
  },
  {
    id: 'pa',
    term: 'PA',
    aliases: ['PA view', 'posteroanterior', 'postero-anterior'],
    definition: 'An X-ray taken from back to front. This is the usual way to take a chest X-ray when you can stand up.',
    url: XRAY,
  },
  {
    id: 'lateral',
    term: 'lateral',
    aliases: ['lateral view', 'laterally'],
    definition: 'A side view, with the picture taken from one side of your body. In a report, it can also mean further away from the middle of your body.',
    url: XRAY,
  },
  {
    id: 'oblique',
    term: 'oblique',
    aliases: ['oblique view', 'oblique views', 'obliques'],
    definition: 'An X-ray taken at an angle, rather than straight from the front or the side.',
    url: XRAY,
  },
  {
    id: 'supine',
    term: 'supine',
    definition: 'Lying flat on your back, face up.',
    url: XRAY,
  },
  {
    id: 'prone',
    term: 'prone',
    definition: 'Lying flat on your front, face down.',
    url: XRAY,
  },
  {
    id: 'erect',
    term: 'erect',
    aliases: ['upright'],
    definition: 'Standing up or sitting up straight when the picture was taken.',
    url: XRAY,
  },
  {
    id: 'decubitus',
    term: 'decubitus',
    aliases: ['lateral decubitus'],
    definition: 'Lying on your side when the picture was taken.',
    url: XRAY,
  },
  {
    id: 'artefact',
    term: 'artefact',
    aliases: ['artefacts', 'artifact', 'artifacts', 'motion artefact', 'motion artifact', 'movement artefact'],
    definition: 'Something on the picture that is not really in your body. It can be caused by moving during the scan, by metal, or by the machine itself.',
    url: XRAY,
  },
  // ---------------------------------------------------------------- Where in the body
  {
    id: 'anterior',
    term: 'anterior',
    aliases: ['anteriorly'],
    definition: 'At or near the front of your body.',
    url: XRAY,
  },
  {
    id: 'posterior',
    term: 'posterior',
    aliases: ['posteriorly'],
    definition: 'At or near the back of your body.',
    url: XRAY,
  },
  {
    id: 'superior',
    term: 'superior',
    aliases: ['superiorly'],
    definition: 'Higher up, or nearer to your head.',
    url: XRAY,
  },
  {
    id: 'inferior',
    term: 'inferior',
    aliases: ['inferiorly'],
    definition: 'Lower down, or nearer to your feet.',
    url: XRAY,
  },
  {
    id: 'medial',
    term: 'medial',
    aliases: ['medially'],
    definition: 'Nearer to the middle of your body.',
    url: XRAY,
  },
  {
    id: 'proximal',
    term: 'proximal',
    aliases: ['proximally'],
    definition: 'Nearer to the middle of your body, or to where a part starts. For an arm or leg, it means the end nearer your body.',
    url: XRAY,
  },
  {
    id: 'distal',
    term: 'distal',
    aliases: ['distally'],
    definition: 'Further from the middle of your body, or from where a part starts. For an arm or leg, it means the end nearer your hand or foot.',
    url: XRAY,
  },
  {
    id: 'bilateral',
    term: 'bilateral',
    aliases: ['bilaterally'],
    definition: 'On both sides of your body, like both lungs or both knees.',
    url: XRAY,
  },
  {
    id: 'unilateral',
    term: 'unilateral',
    definition: 'On one side of your body only.',
    url: XRAY,
  },
  {
    id: 'focal',
    term: 'focal',
    aliases: ['focally'],
    definition: 'In one small area only.',
    url: XRAY,
  },
  {
    id: 'diffuse',
    term: 'diffuse',
    aliases: ['diffusely'],
    definition: 'Spread out over a large area, rather than in one spot.',
    url: XRAY,
  },
  // ---------------------------------------------------------------- Chest
  {
    id: 'lung',
    term: 'lung',
    aliases: ['lungs', 'pulmonary'],
    definition: 'One of the two soft, spongy organs in your chest. They take in air when you breathe.',
    url: XRAY,
  },
  {
    id: 'lobe',
    term: 'lobe',
    aliases: ['lobes', 'lobar'],
    definition: 'One of the large sections that an organ is split into. Your brain, lungs and liver each have these sections.',
    url: CT,
  },
  {
    id: 'pleura',
    term: 'pleura',
    aliases: ['pleural'],
    definition: 'The thin, smooth layers that cover your lungs and line the inside of your chest.',
    url: PLEURISY,
  },
  {
    id: 'trachea',
    term: 'trachea',
    aliases: ['tracheal', 'windpipe'],
    definition: 'The tube that carries air from your throat down into your chest, to your lungs.',
    url: XRAY,
  },
  {
    id: 'bronchus',
    term: 'bronchus',
    aliases: ['bronchi', 'bronchial', 'airway', 'airways'],
    definition: 'One of the tubes that carry air into your lungs. They branch into smaller and smaller tubes, like a tree.',
    url: XRAY,
  },
  {
    id: 'hilum',
    term: 'hilum',
    aliases: ['hila', 'hilar'],
    definition: 'The area near the middle of each lung, where the air tubes and blood vessels go in and out.',
    url: XRAY,
  },
  {
    id: 'mediastinum',
    term: 'mediastinum',
    aliases: ['mediastinal'],
    definition: 'The space in the middle of your chest, between your lungs. It holds your heart, your windpipe, your food pipe and large blood vessels.',
    url: XRAY,
  },
  {
    id: 'diaphragm',
    term: 'diaphragm',
    aliases: ['hemidiaphragm', 'hemidiaphragms', 'diaphragmatic'],
    definition: 'The dome-shaped sheet of muscle under your lungs that helps you breathe. It sits between your chest and your tummy.',
    url: XRAY,
  },
  {
    id: 'costophrenic-angle',
    term: 'costophrenic angle',
    aliases: ['costophrenic angles', 'CP angle', 'CP angles'],
    definition: 'The sharp corner at the bottom of each lung on a chest X-ray. A small amount of fluid often shows up here first.',
    url: XRAY,
  },
  {
    id: 'thorax',
    term: 'thorax',
    aliases: ['thoracic', 'thoracic cavity'],
    definition: 'Your chest. It is the part of your body between your neck and your tummy.',
    url: XRAY,
  },
  {
    id: 'heart',
    term: 'heart',
    aliases: ['cardiac'],
    definition: 'The muscle in your chest that pumps blood all around your body.',
    url: ECHO,
  },
  {
    id: 'atrium',
    term: 'atrium',
    aliases: ['atria', 'atrial'],
    definition: 'One of the two top chambers of the heart. They collect blood before it is pumped out.',
    url: ECHO,
  },
  {
    id: 'heart-valve',
    term: 'heart valve',
    aliases: ['heart valves', 'valve', 'valves'],
    definition: 'A flap inside the heart that opens and shuts. It keeps blood flowing the right way.',
    url: ECHO,
  },
  {
    id: 'pericardium',
    term: 'pericardium',
    aliases: ['pericardial'],
    definition: 'The thin bag that your heart sits in.',
    url: `${NHS}pericarditis/`,
  },
  {
    id: 'aorta',
    term: 'aorta',
    aliases: ['aortic'],
    definition: 'The main blood vessel in your body. It carries blood from your heart to the rest of your body.',
    url: `${NHS}abdominal-aortic-aneurysm/`,
  },
  {
    id: 'artery',
    term: 'artery',
    aliases: ['arteries', 'arterial'],
    definition: 'A blood vessel that carries blood away from your heart to the rest of your body.',
    url: `${NHS}angiography/`,
  },
  {
    id: 'vein',
    term: 'vein',
    aliases: ['veins', 'venous'],
    definition: 'A blood vessel that carries blood back to your heart.',
    url: ULTRASOUND,
  },
  {
    id: 'blood-vessel',
    term: 'blood vessel',
    aliases: ['blood vessels', 'vessel', 'vessels', 'vascular', 'vasculature'],
    definition: 'A tube that carries blood around your body. Arteries and veins are both this kind of tube.',
    url: `${NHS}angiography/`,
  },
  {
    id: 'coronary-artery',
    term: 'coronary artery',
    aliases: ['coronary arteries', 'coronary'],
    definition: 'One of the blood vessels on the outside of your heart. They bring blood to the heart muscle.',
    url: `${NHS}coronary-heart-disease/`,
  },
  {
    id: 'pulmonary-artery',
    term: 'pulmonary artery',
    aliases: ['pulmonary arteries'],
    definition: 'The large blood vessel that carries blood from your heart to your lungs.',
    url: CT,
  },
  {
    id: 'carotid-artery',
    term: 'carotid artery',
    aliases: ['carotid arteries', 'carotid', 'carotids'],
    definition: 'One of the two large blood vessels in your neck. They carry blood up to your head and brain.',
    url: ULTRASOUND,
  },
  {
    id: 'lymph-node',
    term: 'lymph node',
    aliases: ['lymph nodes', 'lymph gland', 'lymph glands', 'node', 'nodes', 'nodal'],
    definition: 'A small, bean-shaped lump that helps your body fight germs. You have them in your neck, armpits, groin and other places.',
    url: `${NHS}swollen-glands/`,
  },
  // ---------------------------------------------------------------- Head and neck
  {
    id: 'brain',
    term: 'brain',
    aliases: ['cerebral', 'cerebrum'],
    definition: 'The organ inside your head that controls your thoughts, feelings and movements.',
    url: MRI,
  },
  {
    id: 'ventricle',
    term: 'ventricle',
    aliases: ['ventricles', 'ventricular', 'lateral ventricle', 'lateral ventricles'],
    definition: 'One of the normal spaces deep inside your brain. They are filled with a clear liquid that cushions your brain. Your heart also has two chambers with the same name.',
    url: MRI,
  },
  {
    id: 'cortex',
    term: 'cortex',
    aliases: ['cortical', 'cortices'],
    definition: 'The outer layer of a part of your body. In your brain, it is the wrinkly outer layer you think with. In a bone, it is the hard outer shell.',
    url: MRI,
  },
  {
    id: 'white-matter',
    term: 'white matter',
    definition: 'The deeper parts of your brain, made of long nerve threads. They carry messages between different parts of your brain.',
    url: MRI,
  },
  {
    id: 'grey-matter',
    term: 'grey matter',
    aliases: ['gray matter'],
    definition: 'The parts of your brain where most of the nerve cells are. It includes the outer layer of your brain.',
    url: MRI,
  },
  {
    id: 'brainstem',
    term: 'brainstem',
    aliases: ['brain stem'],
    definition: 'The lowest part of your brain, which joins on to the nerves in your spine. It controls things like breathing and heartbeat.',
    url: MRI,
  },
  {
    id: 'cerebellum',
    term: 'cerebellum',
    aliases: ['cerebellar'],
    definition: 'The part at the back and bottom of your brain. It helps with balance and smooth movement.',
    url: MRI,
  },
  {
    id: 'meninges',
    term: 'meninges',
    aliases: ['meningeal', 'dura', 'dural'],
    definition: 'The thin layers that cover and protect your brain and the nerves in your spine.',
    url: MRI,
  },
  {
    id: 'pituitary-gland',
    term: 'pituitary gland',
    aliases: ['pituitary'],
    definition: 'A small part, about the size of a pea, under your brain and behind your nose. It makes chemicals that tell other parts of your body what to do.',
    url: MRI,
  },
  {
    id: 'sinus',
    term: 'sinus',
    aliases: ['sinuses', 'paranasal sinuses', 'maxillary sinus', 'maxillary sinuses'],
    definition: 'One of the small spaces filled with air in the bones of your face, around your nose and eyes.',
    url: `${NHS}sinusitis-sinus-infection/`,
  },
  {
    id: 'mastoid',
    term: 'mastoid',
    aliases: ['mastoids', 'mastoid air cells'],
    definition: 'The bony lump behind your ear. It has small spaces filled with air inside it.',
    url: CT,
  },
  {
    id: 'orbit',
    term: 'orbit',
    aliases: ['orbits', 'orbital'],
    definition: 'The bony hollow in your skull that holds your eye.',
    url: CT,
  },
  {
    id: 'thyroid',
    term: 'thyroid',
    aliases: ['thyroid gland'],
    definition: 'A small gland shaped like a butterfly, at the front of your neck. It makes chemicals that control how fast your body uses energy.',
    url: ULTRASOUND,
  },
  {
    id: 'gland',
    term: 'gland',
    aliases: ['glands', 'glandular'],
    definition: 'A part of your body that makes something your body needs. This could be sweat, spit, or chemicals that send messages around your body.',
    url: ULTRASOUND,
  },
  // ---------------------------------------------------------------- Tummy and pelvis
  {
    id: 'abdomen',
    term: 'abdomen',
    aliases: ['abdominal'],
    definition: 'Your tummy. It is the part of your body between your chest and your hips.',
    url: ULTRASOUND,
  },
  {
    id: 'peritoneum',
    term: 'peritoneum',
    aliases: ['peritoneal'],
    definition: 'The thin layer that lines the inside of your tummy. It covers most of the organs in there.',
    url: CT,
  },
  {
    id: 'liver',
    term: 'liver',
    aliases: ['hepatic'],
    definition: 'A large organ on the right side of your tummy, under your ribs. It cleans your blood and helps you break down food.',
    url: LIVER_DISEASE,
  },
  {
    id: 'gallbladder',
    term: 'gallbladder',
    aliases: ['gall bladder', 'gallbladders'],
    definition: 'A small pouch under your liver. It stores bile, a juice that helps you break down fat.',
    url: `${NHS}gallstones/`,
  },
  {
    id: 'bile-duct',
    term: 'bile duct',
    aliases: ['bile ducts', 'common bile duct', 'CBD', 'biliary'],
    definition: 'A small tube that carries bile from your liver to your gut. Bile is a juice that helps you break down fat.',
    url: `${NHS}gallstones/`,
  },
  {
    id: 'pancreas',
    term: 'pancreas',
    aliases: ['pancreatic'],
    definition: 'An organ behind your stomach. It makes juices that help you break down food. It also helps to control the sugar in your blood.',
    url: `${NHS}acute-pancreatitis/`,
  },
  {
    id: 'spleen',
    term: 'spleen',
    aliases: ['splenic'],
    definition: 'An organ on the left side of your tummy, under your ribs. It helps your body fight germs and filters your blood.',
    url: `${NHS}spleen-problems-and-spleen-removal/`,
  },
  {
    id: 'stomach',
    term: 'stomach',
    aliases: ['gastric'],
    definition: 'The bag-shaped organ where food goes after you swallow. It starts to break down what you eat.',
    url: CT,
  },
  {
    id: 'oesophagus',
    term: 'oesophagus',
    aliases: ['esophagus', 'oesophageal', 'esophageal'],
    definition: 'The tube that carries food and drink from your mouth down to your stomach. It is also called the food pipe.',
    url: XRAY,
  },
  {
    id: 'bowel',
    term: 'bowel',
    aliases: ['bowels', 'intestine', 'intestines', 'intestinal'],
    definition: 'The long tube that food goes through after it leaves your stomach. It takes in goodness from food and gets rid of waste as poo.',
    url: CT,
  },
  {
    id: 'small-bowel',
    term: 'small bowel',
    aliases: ['small intestine', 'small intestines'],
    definition: 'The first, long and narrow part of your gut, after your stomach. It takes in goodness from the food you eat.',
    url: CT,
  },
  {
    id: 'colon',
    term: 'colon',
    aliases: ['large bowel', 'large intestine', 'colonic'],
    definition: 'The last part of your gut. It takes water out of waste and turns it into poo.',
    url: CT,
  },
  {
    id: 'appendix',
    term: 'appendix',
    definition: 'A small, thin pouch joined to your gut, on the lower right side of your tummy.',
    url: `${NHS}appendicitis/`,
  },
  {
    id: 'kidney',
    term: 'kidney',
    aliases: ['kidneys', 'renal'],
    definition: 'One of two bean-shaped organs near the middle of your back. They clean your blood and make pee (urine).',
    url: ULTRASOUND,
  },
  {
    id: 'ureter',
    term: 'ureter',
    aliases: ['ureters', 'ureteric'],
    definition: 'One of two thin tubes that carry pee (urine) from your kidneys down to your bladder.',
    url: `${NHS}kidney-stones/`,
  },
  {
    id: 'bladder',
    term: 'bladder',
    aliases: ['urinary bladder'],
    definition: 'The stretchy bag low down in your tummy. It holds pee (urine) until you go to the toilet.',
    url: ULTRASOUND,
  },
  {
    id: 'adrenal-gland',
    term: 'adrenal gland',
    aliases: ['adrenal glands', 'adrenal', 'adrenals'],
    definition: 'A small gland on top of each kidney. It makes chemicals that help your body deal with stress.',
    url: CT,
  },
  {
    id: 'pelvis',
    term: 'pelvis',
    aliases: ['pelvic'],
    definition: 'The ring of bones at the bottom of your spine, which your legs join at the hips. It can also mean the lower part of your tummy.',
    url: XRAY,
  },
  {
    id: 'prostate',
    term: 'prostate',
    aliases: ['prostate gland'],
    definition: 'A small gland, about the size of a walnut, below the bladder. Men and people assigned male at birth have one. It helps to make semen.',
    url: ULTRASOUND,
  },
  {
    id: 'uterus',
    term: 'uterus',
    aliases: ['uterine'],
    definition: 'The womb. It is where a baby grows during pregnancy.',
    url: ULTRASOUND,
  },
  {
    id: 'endometrium',
    term: 'endometrium',
    aliases: ['endometrial', 'endometrial thickness'],
    definition: 'The lining on the inside of the womb. It gets thicker and thinner during each monthly cycle.',
    url: ULTRASOUND,
  },
  {
    id: 'cervix',
    term: 'cervix',
    definition: 'The neck of the womb. It is the narrow opening at the bottom of the womb, at the top of the vagina.',
    url: ULTRASOUND,
  },
  {
    id: 'ovary',
    term: 'ovary',
    aliases: ['ovaries', 'ovarian'],
    definition: 'One of two small organs, one on each side of the womb. They store eggs and release one about once a month.',
    url: ULTRASOUND,
  },
  // ---------------------------------------------------------------- Spine, bones and joints
  {
    id: 'spine',
    term: 'spine',
    aliases: ['spinal column', 'vertebral column'],
    definition: 'Your backbone. It is a column of small bones that runs down your back. It holds you up and protects the nerves inside it.',
    url: BACK_PAIN,
  },
  {
    id: 'vertebra',
    term: 'vertebra',
    aliases: ['vertebrae', 'vertebral', 'vertebral body', 'vertebral bodies'],
    definition: 'One of the small bones that stack up to make your spine, or backbone. You have 33 of them.',
    url: BACK_PAIN,
  },
  {
    id: 'disc',
    term: 'disc',
    aliases: ['discs', 'disk', 'disks', 'intervertebral disc', 'intervertebral discs', 'disc space', 'disc spaces'],
    definition: 'A soft, rubbery pad between the bones of your spine. Each one works like a cushion, so your back can bend.',
    url: SLIPPED_DISC,
  },
  {
    id: 'spinal-cord',
    term: 'spinal cord',
    definition: 'The bundle of nerves that runs down the middle of your spine. It carries messages between your brain and your body.',
    url: MRI,
  },
  {
    id: 'spinal-canal',
    term: 'spinal canal',
    aliases: ['thecal sac'],
    definition: 'The space inside the bones of your spine. The nerves that run down your back go through it.',
    url: MRI,
  },
  {
    id: 'nerve',
    term: 'nerve',
    aliases: ['nerves', 'neural'],
    definition: 'A thin cord that carries messages between your brain and the rest of your body.',
    url: MRI,
  },
  {
    id: 'nerve-root',
    term: 'nerve root',
    aliases: ['nerve roots', 'exiting nerve root', 'traversing nerve root'],
    definition: 'The part of a nerve where it leaves your spine, through a gap between two of the bones in your back.',
    url: `${NHS}sciatica/`,
  },
  {
    id: 'facet-joint',
    term: 'facet joint',
    aliases: ['facet joints', 'facet', 'facets', 'zygapophyseal joint'],
    definition: 'One of the small joints at the back of your spine, between the bones. They help your back bend and twist.',
    url: BACK_PAIN,
  },
  {
    id: 'cervical-spine',
    term: 'cervical spine',
    aliases: ['C-spine', 'C spine'],
    definition: 'The part of your spine in your neck. It has 7 bones.',
    url: `${NHS}neck-pain/`,
  },
  {
    id: 'thoracic-spine',
    term: 'thoracic spine',
    aliases: ['T-spine', 'T spine', 'dorsal spine'],
    definition: 'The middle part of your spine, in your upper back. It has 12 bones, and your ribs join on to them.',
    url: BACK_PAIN,
  },
  {
    id: 'lumbar-spine',
    term: 'lumbar spine',
    aliases: ['lumbar', 'L-spine', 'L spine', 'lumbosacral'],
    definition: 'Your lower back, between your ribs and your hips. It has 5 large bones.',
    url: BACK_PAIN,
  },
  {
    id: 'sacrum',
    term: 'sacrum',
    aliases: ['sacral'],
    definition: 'The bone shaped like a triangle at the bottom of your spine, between your hips.',
    url: BACK_PAIN,
  },
  {
    id: 'coccyx',
    term: 'coccyx',
    aliases: ['coccygeal'],
    definition: 'Your tailbone. It is the small bone at the very bottom of your spine.',
    url: BACK_PAIN,
  },
  {
    id: 'rib',
    term: 'rib',
    aliases: ['ribs'],
    definition: 'One of the 12 pairs of curved bones around your chest. They protect your heart and lungs.',
    url: BROKEN_BONES,
  },
  {
    id: 'sternum',
    term: 'sternum',
    aliases: ['sternal'],
    definition: 'Your breastbone. It is the flat bone down the middle of the front of your chest.',
    url: BROKEN_BONES,
  },
  {
    id: 'clavicle',
    term: 'clavicle',
    aliases: ['clavicles', 'clavicular'],
    definition: 'This is your collarbone. It runs from the middle of your chest out to your shoulder.',
    url: BROKEN_BONES,
  },
  {
    id: 'scapula',
    term: 'scapula',
    aliases: ['scapulae', 'scapular'],
    definition: 'Your shoulder blade. It is the flat bone shaped like a triangle at the top of your back.',
    url: SHOULDER_PAIN,
  },
  {
    id: 'humerus',
    term: 'humerus',
    aliases: ['humeral'],
    definition: 'The bone in your upper arm, between your shoulder and your elbow.',
    url: BROKEN_BONES,
  },
  {
    id: 'radius',
    term: 'radius',
    aliases: ['radial'],
    definition: 'One of the two bones in your forearm, on the thumb side.',
    url: BROKEN_BONES,
  },
  {
    id: 'ulna',
    term: 'ulna',
    aliases: ['ulnar'],
    definition: 'One of the two bones in your forearm, on the little finger side.',
    url: BROKEN_BONES,
  },
  {
    id: 'carpal-bones',
    term: 'carpal bones',
    aliases: ['carpal bone', 'carpals', 'carpal', 'carpus'],
    definition: 'The 8 small bones at the base of your hand, in your wrist.',
    url: BROKEN_BONES,
  },
  {
    id: 'scaphoid',
    term: 'scaphoid',
    definition: 'A small bone in your wrist, on the thumb side. It is the wrist bone that breaks most often.',
    url: BROKEN_BONES,
  },
  {
    id: 'metacarpal',
    term: 'metacarpal',
    aliases: ['metacarpals'],
    definition: 'One of the 5 long bones in the palm of your hand.',
    url: BROKEN_BONES,
  },
  {
    id: 'phalanx',
    term: 'phalanx',
    aliases: ['phalanges', 'phalangeal'],
    definition: 'One of the small bones in your fingers and toes.',
    url: BROKEN_BONES,
  },
  {
    id: 'femur',
    term: 'femur',
    aliases: ['femoral', 'femoral head', 'neck of femur'],
    definition: 'Your thigh bone, between your hip and your knee. It is the longest bone in your body.',
    url: BROKEN_BONES,
  },
  {
    id: 'acetabulum',
    term: 'acetabulum',
    aliases: ['acetabular'],
    definition: 'The cup-shaped hollow in your hip bone where the top of your thigh bone sits. It forms the socket of your hip.',
    url: `${NHS}hip-pain/`,
  },
  {
    id: 'patella',
    term: 'patella',
    aliases: ['patellar'],
    definition: 'Your kneecap. It is the small, round bone at the front of your knee.',
    url: KNEE_PAIN,
  },
  {
    id: 'tibia',
    term: 'tibia',
    aliases: ['tibial'],
    definition: 'Your shin bone. It is the larger of the two bones in your lower leg.',
    url: BROKEN_BONES,
  },
  {
    id: 'fibula',
    term: 'fibula',
    aliases: ['fibular'],
    definition: 'The thin bone on the outer side of your lower leg, next to your shin bone.',
    url: BROKEN_BONES,
  },
  {
    id: 'calcaneus',
    term: 'calcaneus',
    aliases: ['calcaneal', 'calcaneum'],
    definition: 'Your heel bone. It is the large bone at the back of your foot.',
    url: `${NHS}heel-pain/`,
  },
  {
    id: 'metatarsal',
    term: 'metatarsal',
    aliases: ['metatarsals'],
    definition: 'One of the 5 long bones in the middle of your foot, that lead to your toes.',
    url: BROKEN_BONES,
  },
  {
    id: 'growth-plate',
    term: 'growth plate',
    aliases: ['growth plates', 'physis', 'physeal', 'epiphyseal plate'],
    definition: 'A soft area near the end of a bone in children and teenagers, where the bone grows. It turns into solid bone once growing stops.',
    url: BROKEN_BONES,
  },
  {
    id: 'bone-marrow',
    term: 'bone marrow',
    aliases: ['marrow'],
    definition: 'The soft, spongy part inside some bones. It makes your blood cells.',
    url: MRI,
  },
  {
    id: 'joint',
    term: 'joint',
    aliases: ['joints', 'articular'],
    definition: 'A place where two bones meet and move against each other, like your knee or elbow.',
    url: OSTEOARTHRITIS,
  },
  {
    id: 'cartilage',
    term: 'cartilage',
    aliases: ['cartilaginous', 'chondral', 'articular cartilage'],
    definition: 'The smooth, tough and bendy layer that covers the ends of bones in a joint. It helps them move smoothly over each other.',
    url: OSTEOARTHRITIS,
  },
  {
    id: 'meniscus',
    term: 'meniscus',
    aliases: ['menisci', 'meniscal'],
    definition: 'One of two C-shaped pads of tough, rubbery tissue in your knee. They cushion your knee and keep it steady.',
    url: KNEE_PAIN,
  },
  {
    id: 'ligament',
    term: 'ligament',
    aliases: ['ligaments', 'ligamentous'],
    definition: 'A strong band of tissue that holds bones together at a joint.',
    url: SPRAINS,
  },
  {
    id: 'acl',
    term: 'anterior cruciate ligament',
    aliases: ['ACL', 'cruciate ligament', 'cruciate ligaments', 'cruciate'],
    definition: 'A strong band of tissue in the middle of your knee. It stops your shin bone from sliding forward.',
    url: KNEE_PAIN,
  },
  {
    id: 'tendon',
    term: 'tendon',
    aliases: ['tendons', 'tendinous'],
    definition: 'A strong cord of tissue that joins a muscle to a bone.',
    url: `${NHS}tendonitis/`,
  },
  {
    id: 'rotator-cuff',
    term: 'rotator cuff',
    aliases: ['rotator cuffs', 'rotator cuff tendons'],
    definition: 'A group of muscles around your shoulder, and the cords that join them to bone. They keep your shoulder steady and help you lift and turn your arm.',
    url: SHOULDER_PAIN,
  },
  {
    id: 'bursa',
    term: 'bursa',
    aliases: ['bursae', 'bursal'],
    definition: 'A small sac of fluid that cushions a joint. It helps the parts around it move smoothly.',
    url: `${NHS}bursitis/`,
  },
  {
    id: 'muscle',
    term: 'muscle',
    aliases: ['muscles', 'muscular'],
    definition: 'A part of your body that can tighten and relax to make you move.',
    url: SPRAINS,
  },
  {
    id: 'soft-tissue',
    term: 'soft tissue',
    aliases: ['soft tissues'],
    definition: 'The parts of your body that are not bone, such as muscle, fat and skin.',
    url: XRAY,
  },
  // ---------------------------------------------------------------- How things look
  {
    id: 'unremarkable',
    term: 'unremarkable',
    definition: 'This means it looks normal. Nothing of concern was seen.',
    url: XRAY,
  },
  {
    id: 'normal-variant',
    term: 'normal variant',
    aliases: ['normal variants', 'anatomical variant', 'anatomic variant', 'variant'],
    definition: 'Something that looks a bit different from most people, but is normal and harmless. It is just how your body is made.',
    url: XRAY,
  },
  {
    id: 'incidental-finding',
    term: 'incidental finding',
    aliases: ['incidental findings', 'incidental', 'incidentally', 'incidentaloma'],
    definition: 'Something seen on a scan by chance. It is not linked to the reason you had the scan. Most are harmless.',
    url: CT,
  },
  {
    id: 'abnormality',
    term: 'abnormality',
    aliases: ['abnormalities', 'abnormal'],
    definition: 'Something that looks different from what is usual. It does not always mean there is a problem.',
    url: XRAY,
  },
  {
    id: 'acute',
    term: 'acute',
    definition: 'Recent or sudden. It does not mean the same as serious.',
    url: XRAY,
  },
  {
    id: 'chronic',
    term: 'chronic',
    definition: 'Long-lasting, or there for a long time.',
    url: XRAY,
  },
  {
    id: 'stable',
    term: 'stable',
    aliases: ['unchanged', 'no interval change'],
    definition: 'It has not changed since your last scan.',
    url: XRAY,
  },
  {
    id: 'clinical-correlation',
    term: 'clinical correlation',
    aliases: ['correlate clinically', 'clinically correlate', 'clinical correlation is advised', 'correlate with symptoms'],
    definition: 'A note from the person who read the scan. It asks your doctor to think about the scan together with your symptoms and other tests.',
    url: XRAY,
  },
  {
    id: 'differential-diagnosis',
    term: 'differential diagnosis',
    aliases: ['differential', 'differentials', 'differential diagnoses', 'DDx'],
    definition: 'A list of things that could cause what was seen. Your care team will work out which one is most likely.',
    url: XRAY,
  },
  {
    id: 'opacity',
    term: 'opacity',
    aliases: ['opacities', 'opacification', 'opacified', 'shadowing', 'air space shadowing'],
    definition: 'An area that looks whiter than it should on an X-ray or CT scan. It has many causes, and many are not serious.',
    url: XRAY,
  },
  {
    id: 'lucency',
    term: 'lucency',
    aliases: ['lucencies', 'lucent'],
    definition: 'An area that looks darker than the parts around it on an X-ray or CT scan.',
    url: XRAY,
  },
  {
    id: 'ground-glass',
    term: 'ground glass',
    aliases: ['ground-glass', 'ground glass opacity', 'ground glass opacities', 'ground-glass opacity', 'ground-glass opacities', 'GGO'],
    definition: 'A hazy, light grey area in the lungs on a CT scan. It can be caused by many things, such as an infection.',
    url: CT,
  },
  {
    id: 'hyperintense',
    term: 'hyperintense',
    aliases: ['hyperintensity', 'hyperintensities', 'high signal', 'T2 hyperintensity'],
    definition: 'Looks brighter than the parts around it on an MRI scan. It describes how something looks, not what it is.',
    url: MRI,
  },
  {
    id: 'hypointense',
    term: 'hypointense',
    aliases: ['hypointensity', 'hypointensities', 'low signal'],
    definition: 'Looks darker than the parts around it on an MRI scan. It describes how something looks, not what it is.',
    url: MRI,
  },
  {
    id: 'hyperdense',
    term: 'hyperdense',
    aliases: ['hyperdensity', 'hyperattenuating'],
    definition: 'Looks brighter than the parts around it on a CT scan. It describes how something looks, not what it is.',
    url: CT,
  },
  {
    id: 'hypodense',
    term: 'hypodense',
    aliases: ['hypodensity', 'hypodensities', 'hypoattenuating'],
    definition: 'Looks darker than the parts around it on a CT scan. It describes how something looks, not what it is.',
    url: CT,
  },
  {
    id: 'hyperechoic',
    term: 'hyperechoic',
    aliases: ['echogenic', 'echobright', 'increased echogenicity'],
    definition: 'Looks brighter than the parts around it on an ultrasound scan. It describes how something looks, not what it is.',
    url: ULTRASOUND,
  },
  {
    id: 'hypoechoic',
    term: 'hypoechoic',
    aliases: ['hypoechogenic', 'reduced echogenicity'],
    definition: 'Looks darker than the parts around it on an ultrasound scan. It describes how something looks, not what it is.',
    url: ULTRASOUND,
  },
  {
    id: 'anechoic',
    term: 'anechoic',
    definition: 'Looks black on an ultrasound scan. This usually means it is filled with fluid.',
    url: ULTRASOUND,
  },
  {
    id: 'enhancement',
    term: 'enhancement',
    aliases: ['enhancing', 'enhances', 'enhanced', 'non-enhancing', 'contrast enhancement'],
    definition: 'When a part shows up brighter after you are given a dye. It shows where blood flows.',
    url: CT,
  },
  {
    id: 'sclerotic',
    term: 'sclerotic',
    aliases: ['sclerotic change', 'sclerotic changes', 'subchondral sclerosis'],
    definition: 'An area of bone that is harder and thicker than usual. It looks whiter on an X-ray. It is often a sign of wear and tear.',
    url: OSTEOARTHRITIS,
  },
  // ---------------------------------------------------------------- Findings
  {
    id: 'lesion',
    term: 'lesion',
    aliases: ['lesions'],
    definition: 'An area that looks different from the parts around it. It is a general word and does not say what the cause is. Many are harmless.',
    url: CT,
  },
  {
    id: 'nodule',
    term: 'nodule',
    aliases: ['nodules', 'nodular', 'pulmonary nodule', 'pulmonary nodules', 'lung nodule', 'lung nodules'],
    definition: 'A small, round lump. Most are harmless. Your care team may want to check it again with another scan later.',
    url: CT,
  },
  {
    id: 'mass',
    term: 'mass',
    aliases: ['masses'],
    definition: 'A lump that looks different from the parts around it. Your care team will explain what it might be, and if you need more tests.',
    url: CT,
  },
  {
    id: 'tumour',
    term: 'tumour',
    aliases: ['tumours', 'tumor', 'tumors', 'neoplasm', 'neoplastic'],
    definition: 'A lump that forms when cells grow more than they should. Some are harmless and some are cancer.',
    url: `${NHS}cancer/`,
  },
  {
    id: 'benign',
    term: 'benign',
    definition: 'Not cancer. It will not spread to other parts of your body.',
    url: `${NHS}cancer/`,
  },
  {
    id: 'malignant',
    term: 'malignant',
    aliases: ['malignancy', 'malignancies'],
    definition: 'Cancer. It can grow into nearby parts or spread around your body. Your care team will talk to you about what it means for you.',
    url: `${NHS}cancer/`,
  },
  {
    id: 'metastasis',
    term: 'metastasis',
    aliases: ['metastases', 'metastatic', 'metastatic disease', 'mets'],
    definition: 'A cancer that has spread from where it started to another part of your body. Your care team will talk to you about what this means.',
    url: `${NHS}cancer/`,
  },
  {
    id: 'cyst',
    term: 'cyst',
    aliases: ['cysts', 'cystic'],
    definition: 'A small pocket or sac filled with fluid. Most are harmless and do not need treatment.',
    url: ULTRASOUND,
  },
  {
    id: 'simple-cyst',
    term: 'simple cyst',
    aliases: ['simple cysts', 'simple renal cyst', 'simple renal cysts'],
    definition: 'A sac with a thin wall and only clear fluid inside. These are very common and almost always harmless.',
    url: ULTRASOUND,
  },
  {
    id: 'ovarian-cyst',
    term: 'ovarian cyst',
    aliases: ['ovarian cysts', 'follicle', 'follicles', 'follicular cyst'],
    definition: 'A sac filled with fluid on one of the organs that store eggs. Most are harmless and go away by themselves.',
    url: `${NHS}ovarian-cyst/`,
  },
  {
    id: 'ganglion',
    term: 'ganglion',
    aliases: ['ganglion cyst', 'ganglion cysts', 'ganglia'],
    definition: 'A harmless lump filled with fluid that forms near a joint, often on your wrist or hand.',
    url: `${NHS}ganglion-cyst/`,
  },
  {
    id: 'bakers-cyst',
    term: 'Baker’s cyst',
    aliases: ['Bakers cyst', 'popliteal cyst'],
    definition: 'A sac of fluid that forms behind the knee. It is usually harmless.',
    url: `${NHS}bakers-cyst/`,
  },
  {
    id: 'polyp',
    term: 'polyp',
    aliases: ['polyps', 'polypoid'],
    definition: 'A small growth on the inside lining of an organ, such as your bowel. Most are harmless.',
    url: `${NHS}bowel-polyps/`,
  },
  {
    id: 'fibroid',
    term: 'fibroid',
    aliases: ['fibroids', 'leiomyoma', 'leiomyomas'],
    definition: 'A growth in or around the womb that is not cancer. They are very common and often cause no problems.',
    url: `${NHS}fibroids/`,
  },
  {
    id: 'lipoma',
    term: 'lipoma',
    aliases: ['lipomas'],
    definition: 'A soft, fatty lump that grows slowly. It is harmless.',
    url: `${NHS}lipoma/`,
  },
  {
    id: 'haemangioma',
    term: 'haemangioma',
    aliases: ['haemangiomas', 'hemangioma', 'hemangiomas'],
    definition: 'A harmless clump of extra blood vessels. In the liver, they are common and do not need treatment.',
    url: ULTRASOUND,
  },
  {
    id: 'granuloma',
    term: 'granuloma',
    aliases: ['granulomas', 'granulomata', 'calcified granuloma', 'calcified granulomas'],
    definition: 'A tiny lump left after your body has fought an infection. Old ones often have calcium in them. They are harmless.',
    url: XRAY,
  },
  {
    id: 'calcification',
    term: 'calcification',
    aliases: ['calcifications', 'calcified', 'calcific'],
    definition: 'A small build-up of calcium, which looks white on X-rays and CT scans. It is very common and often harmless.',
    url: XRAY,
  },
  {
    id: 'fluid',
    term: 'fluid',
    aliases: ['fluids'],
    definition: 'Liquid in your body, such as blood, pee or the clear liquid around your joints and brain. Some of it is normal in many places.',
    url: ULTRASOUND,
  },
  {
    id: 'free-fluid',
    term: 'free fluid',
    aliases: ['free pelvic fluid'],
    definition: 'A small amount of liquid lying loose in your tummy. A little is often normal, such as around the time of a period.',
    url: ULTRASOUND,
  },
  {
    id: 'collection',
    term: 'collection',
    aliases: ['collections', 'fluid collection', 'fluid collections'],
    definition: 'A pocket of fluid that has built up in one place in your body.',
    url: ULTRASOUND,
  },
  {
    id: 'abscess',
    term: 'abscess',
    aliases: ['abscesses'],
    definition: 'A pocket of pus caused by an infection.',
    url: `${NHS}abscess/`,
  },
  {
    id: 'effusion',
    term: 'effusion',
    aliases: ['effusions'],
    definition: 'A build-up of extra fluid in a space in your body. It may be around a lung or inside a joint.',
    url: ULTRASOUND,
  },
  {
    id: 'pleural-effusion',
    term: 'pleural effusion',
    aliases: ['pleural effusions', 'pleural fluid'],
    definition: 'A build-up of fluid between your lung and the inside of your chest wall. It can make you feel short of breath.',
    url: PLEURISY,
  },
  {
    id: 'pericardial-effusion',
    term: 'pericardial effusion',
    aliases: ['pericardial effusions', 'pericardial fluid'],
    definition: 'A build-up of fluid in the thin bag around your heart.',
    url: `${NHS}pericarditis/`,
  },
  {
    id: 'joint-effusion',
    term: 'joint effusion',
    aliases: ['joint effusions', 'knee effusion'],
    definition: 'Extra fluid inside a joint, which can make it swollen. It is common after an injury.',
    url: KNEE_PAIN,
  },
  {
    id: 'ascites',
    term: 'ascites',
    definition: 'A build-up of fluid in your tummy. It can make your tummy swell.',
    url: ULTRASOUND,
  },
  {
    id: 'oedema',
    term: 'oedema',
    aliases: ['edema', 'oedematous', 'edematous'],
    definition: 'Swelling caused by fluid building up in part of your body.',
    url: `${NHS}oedema/`,
  },
  {
    id: 'bone-marrow-oedema',
    term: 'bone marrow oedema',
    aliases: ['bone marrow edema', 'marrow oedema', 'marrow edema', 'bone bruise', 'bone bruising'],
    definition: 'Extra fluid inside a bone, often from an injury or strain. It shows up on MRI scans and usually heals by itself.',
    url: MRI,
  },
  {
    id: 'inflammation',
    term: 'inflammation',
    aliases: ['inflamed', 'inflammatory'],
    definition: 'How your body reacts to an injury or infection. It can cause swelling, redness, heat and pain.',
    url: XRAY,
  },
  {
    id: 'thickening',
    term: 'thickening',
    aliases: ['thickened', 'wall thickening'],
    definition: 'When a part of your body, such as the wall of the bowel or a lining, is thicker than usual. It can have many causes, such as swelling.',
    url: CT,
  },
  {
    id: 'enlarged',
    term: 'enlarged',
    aliases: ['enlargement'],
    definition: 'Bigger than usual. Your care team will explain if this matters for you.',
    url: XRAY,
  },
  {
    id: 'cardiomegaly',
    term: 'cardiomegaly',
    aliases: ['enlarged heart', 'enlarged cardiac silhouette'],
    definition: 'A heart that looks bigger than usual on an X-ray. It has many causes. Sometimes it is just how the picture was taken.',
    url: XRAY,
  },
  {
    id: 'hepatomegaly',
    term: 'hepatomegaly',
    aliases: ['enlarged liver'],
    definition: 'A liver that is bigger than usual.',
    url: LIVER_DISEASE,
  },
  {
    id: 'splenomegaly',
    term: 'splenomegaly',
    aliases: ['enlarged spleen'],
    definition: 'A spleen that is bigger than usual.',
    url: `${NHS}spleen-problems-and-spleen-removal/`,
  },
  {
    id: 'lymphadenopathy',
    term: 'lymphadenopathy',
    aliases: ['enlarged lymph nodes', 'enlarged lymph node', 'swollen lymph nodes', 'adenopathy'],
    definition: 'Glands that are bigger than usual. These small lumps help your body fight germs. They often swell when you have an infection.',
    url: `${NHS}swollen-glands/`,
  },
  {
    id: 'atrophy',
    term: 'atrophy',
    aliases: ['atrophic', 'atrophied'],
    definition: 'When a part of your body has got smaller or thinner. This can happen with age, or when a part is not used.',
    url: XRAY,
  },
  {
    id: 'volume-loss',
    term: 'volume loss',
    aliases: ['loss of volume', 'involutional change', 'involutional changes'],
    definition: 'When a part of your body has got a bit smaller. In the brain, some of this is normal as you get older.',
    url: MRI,
  },
  {
    id: 'small-vessel-disease',
    term: 'small vessel disease',
    aliases: ['small vessel change', 'small vessel changes', 'small vessel ischaemia', 'small vessel ischemia', 'chronic small vessel ischaemic change'],
    definition: 'Changes in the tiny blood vessels deep in your brain. Some of this is common as people get older.',
    url: MRI,
  },
  {
    id: 'mass-effect',
    term: 'mass effect',
    definition: 'When something presses on the parts around it. It can push them out of their usual place.',
    url: CT,
  },
  {
    id: 'hydrocephalus',
    term: 'hydrocephalus',
    definition: 'A build-up of fluid in the brain. It can press on the brain.',
    url: `${NHS}hydrocephalus/`,
  },
  {
    id: 'haemorrhage',
    term: 'haemorrhage',
    aliases: ['haemorrhages', 'hemorrhage', 'hemorrhages', 'haemorrhagic', 'hemorrhagic', 'bleed'],
    definition: 'Bleeding. It can be inside your body, where you cannot see it.',
    url: CT,
  },
  {
    id: 'haematoma',
    term: 'haematoma',
    aliases: ['haematomas', 'hematoma', 'hematomas'],
    definition: 'A pool of blood that has leaked out of a blood vessel, like a deep bruise.',
    url: `${NHS}bruises/`,
  },
  {
    id: 'infarct',
    term: 'infarct',
    aliases: ['infarcts', 'infarction', 'infarcted'],
    definition: 'An area that has been damaged because its blood supply was blocked. In the brain, this is a kind of stroke.',
    url: STROKE,
  },
  {
    id: 'ischaemia',
    term: 'ischaemia',
    aliases: ['ischemia', 'ischaemic', 'ischemic'],
    definition: 'When part of your body does not get enough blood. This means it does not get enough oxygen.',
    url: STROKE,
  },
  {
    id: 'thrombosis',
    term: 'thrombosis',
    aliases: ['thrombus', 'thrombi', 'thrombosed', 'blood clot', 'blood clots', 'clot', 'clots'],
    definition: 'A lump of blood that has gone solid inside a blood vessel. It can block the flow of blood.',
    url: `${NHS}deep-vein-thrombosis-dvt/`,
  },
  {
    id: 'dvt',
    term: 'deep vein thrombosis',
    aliases: ['DVT', 'deep venous thrombosis'],
    definition: 'A clot in a vein deep inside your body, usually in your leg. It needs treatment to stop it getting worse.',
    url: `${NHS}deep-vein-thrombosis-dvt/`,
  },
  {
    id: 'pulmonary-embolism',
    term: 'pulmonary embolism',
    aliases: ['pulmonary emboli', 'pulmonary embolus', 'PE', 'embolism', 'embolus', 'emboli'],
    definition: 'A clot that blocks a blood vessel in the lungs. It needs treatment straight away.',
    url: `${NHS}pulmonary-embolism/`,
  },
  {
    id: 'atherosclerosis',
    term: 'atherosclerosis',
    aliases: ['atheroma', 'atheromatous', 'atherosclerotic', 'atheromatous plaque'],
    definition: 'When fat builds up on the inside walls of your blood vessels. It can make them narrow and stiff.',
    url: `${NHS}atherosclerosis/`,
  },
  {
    id: 'stenosis',
    term: 'stenosis',
    aliases: ['stenoses', 'stenotic', 'narrowed', 'narrowing'],
    definition: 'When a tube or space in your body is narrower than usual. It can happen in a blood vessel or in your spine.',
    url: CT,
  },
  {
    id: 'spinal-stenosis',
    term: 'spinal stenosis',
    aliases: ['spinal canal stenosis', 'canal stenosis', 'foraminal stenosis', 'foraminal narrowing'],
    definition: 'When the space for the nerves in your spine gets narrower. This can press on the nerves and cause pain or numbness in your back or legs.',
    url: `${NHS}spinal-stenosis/`,
  },
  {
    id: 'aneurysm',
    term: 'aneurysm',
    aliases: ['aneurysms', 'aneurysmal', 'AAA'],
    definition: 'A bulge in the wall of a blood vessel. Small ones are often just checked with regular scans.',
    url: `${NHS}abdominal-aortic-aneurysm/`,
  },
  {
    id: 'ectasia',
    term: 'ectasia',
    aliases: ['ectatic', 'dilated', 'dilatation', 'dilation'],
    definition: 'When a tube in your body is wider than usual. It might be a blood vessel or another kind of tube.',
    url: CT,
  },
  {
    id: 'hernia',
    term: 'hernia',
    aliases: ['hernias', 'herniation', 'herniated', 'inguinal hernia', 'umbilical hernia'],
    definition: 'When part of an organ or some fat pushes through a weak spot in the muscle around it. It often shows as a lump.',
    url: `${NHS}hernia/`,
  },
  {
    id: 'hiatus-hernia',
    term: 'hiatus hernia',
    aliases: ['hiatal hernia', 'hiatus hernias'],
    definition: 'When part of your stomach pushes up into your chest. It goes through a gap in the muscle under your lungs.',
    url: `${NHS}hiatus-hernia/`,
  },
  {
    id: 'consolidation',
    term: 'consolidation',
    aliases: ['consolidated', 'consolidative'],
    definition: 'When part of a lung is filled with fluid or other matter, instead of air. It is often caused by a chest infection.',
    url: `${NHS}pneumonia/`,
  },
  {
    id: 'pneumonia',
    term: 'pneumonia',
    aliases: ['pneumonias'],
    definition: 'An infection that makes the tiny air sacs in your lungs swell up and fill with fluid.',
    url: `${NHS}pneumonia/`,
  },
  {
    id: 'atelectasis',
    term: 'atelectasis',
    aliases: ['atelectatic', 'subsegmental atelectasis', 'basal atelectasis'],
    definition: 'When a small part of a lung does not fill with air properly. It is common after an operation or when you are not breathing deeply. It often gets better by itself.',
    url: XRAY,
  },
  {
    id: 'pneumothorax',
    term: 'pneumothorax',
    aliases: ['pneumothoraces', 'collapsed lung'],
    definition: 'When air leaks into the space between your lung and your chest wall. It can make part of the lung shrink.',
    url: `${NHS}pneumothorax/`,
  },
  {
    id: 'emphysema',
    term: 'emphysema',
    aliases: ['emphysematous'],
    definition: 'Damage to the tiny air sacs in the lungs. It makes it harder to breathe out.',
    url: `${NHS}chronic-obstructive-pulmonary-disease-copd/`,
  },
  {
    id: 'hyperinflation',
    term: 'hyperinflation',
    aliases: ['hyperinflated', 'hyperexpanded', 'hyperexpansion'],
    definition: 'When the lungs hold more air than usual. It can be a sign of a long-term lung problem, such as asthma.',
    url: `${NHS}chronic-obstructive-pulmonary-disease-copd/`,
  },
  {
    id: 'bronchiectasis',
    term: 'bronchiectasis',
    aliases: ['bronchiectatic'],
    definition: 'When the air tubes in your lungs become wider than usual and scarred. Mucus can then build up, which can lead to coughs and chest infections.',
    url: `${NHS}bronchiectasis/`,
  },
  {
    id: 'fibrosis',
    term: 'fibrosis',
    aliases: ['fibrotic', 'scarring'],
    definition: 'When normal tissue is replaced by thick, stiff scar tissue.',
    url: XRAY,
  },
  {
    id: 'fracture',
    term: 'fracture',
    aliases: ['fractures', 'fractured'],
    definition: 'A break or crack in a bone.',
    url: BROKEN_BONES,
  },
  {
    id: 'hairline-fracture',
    term: 'hairline fracture',
    aliases: ['hairline fractures', 'stress fracture', 'stress fractures'],
    definition: 'A very thin crack in a bone. It is often caused by doing the same movement again and again, such as running.',
    url: BROKEN_BONES,
  },
  {
    id: 'displaced-fracture',
    term: 'displaced fracture',
    aliases: ['displaced fractures', 'displaced', 'displacement'],
    definition: 'A break in a bone where the broken ends have moved out of line.',
    url: BROKEN_BONES,
  },
  {
    id: 'undisplaced-fracture',
    term: 'undisplaced fracture',
    aliases: ['undisplaced fractures', 'non-displaced fracture', 'nondisplaced fracture', 'undisplaced', 'non-displaced'],
    definition: 'A break in a bone where the broken ends are still lined up in the right place.',
    url: BROKEN_BONES,
  },
  {
    id: 'dislocation',
    term: 'dislocation',
    aliases: ['dislocations', 'dislocated', 'subluxation', 'subluxed'],
    definition: 'When a bone is pushed fully or partly out of its usual place in a joint.',
    url: XRAY,
  },
  {
    id: 'foreign-body',
    term: 'foreign body',
    aliases: ['foreign bodies'],
    definition: 'Something in your body that should not be there. It could be a splinter or something you swallowed.',
    url: XRAY,
  },
  {
    id: 'degenerative-change',
    term: 'degenerative change',
    aliases: ['degenerative changes', 'degeneration', 'degenerative', 'wear and tear'],
    definition: 'Changes from normal use as you get older. They are very common, and they do not always cause pain.',
    url: OSTEOARTHRITIS,
  },
  {
    id: 'osteophyte',
    term: 'osteophyte',
    aliases: ['osteophytes', 'osteophytic', 'bone spur', 'bone spurs', 'spurring'],
    definition: 'A small, smooth bony lump at the edge of a joint. It is a common sign of wear and tear.',
    url: OSTEOARTHRITIS,
  },
  {
    id: 'joint-space-narrowing',
    term: 'joint space narrowing',
    aliases: ['joint space loss', 'loss of joint space', 'reduced joint space'],
    definition: 'When the gap between the bones in a joint looks smaller. It often means the smooth layer on the ends of the bones has worn thin.',
    url: OSTEOARTHRITIS,
  },
  {
    id: 'osteoarthritis',
    term: 'osteoarthritis',
    aliases: ['OA', 'osteoarthritic', 'osteoarthrosis'],
    definition: 'A common condition that makes joints stiff and sore. It happens when the smooth surface inside a joint wears down.',
    url: OSTEOARTHRITIS,
  },
  {
    id: 'erosion',
    term: 'erosion',
    aliases: ['erosions', 'erosive'],
    definition: 'A small area where the surface of a bone has been worn away. It can happen when a joint has been swollen for a long time.',
    url: `${NHS}rheumatoid-arthritis/`,
  },
  {
    id: 'osteopenia',
    term: 'osteopenia',
    aliases: ['osteopenic', 'reduced bone density', 'low bone density'],
    definition: 'Bones that are a bit thinner and weaker than usual for your age. It is a mild form of thin bones.',
    url: `${NHS}osteoporosis/`,
  },
  {
    id: 'osteoporosis',
    term: 'osteoporosis',
    aliases: ['osteoporotic'],
    definition: 'A condition that makes bones thin and weak, so they break more easily.',
    url: `${NHS}osteoporosis/`,
  },
  {
    id: 'disc-bulge',
    term: 'disc bulge',
    aliases: ['disc bulges', 'bulging disc', 'disc protrusion', 'disc herniation', 'disc prolapse', 'slipped disc', 'prolapsed disc', 'herniated disc'],
    definition: 'When one of the soft pads between the bones of your spine bulges out. This is very common. It often gets better by itself.',
    url: SLIPPED_DISC,
  },
  {
    id: 'disc-desiccation',
    term: 'disc desiccation',
    aliases: ['desiccation', 'desiccated', 'disc dehydration'],
    definition: 'When the soft pads between the bones of your spine dry out a little. This is a normal part of getting older.',
    url: SLIPPED_DISC,
  },
  {
    id: 'nerve-compression',
    term: 'nerve compression',
    aliases: ['nerve root compression', 'nerve root impingement', 'nerve impingement', 'compressed nerve'],
    definition: 'When something presses on a nerve. This can cause pain, tingling or weakness.',
    url: `${NHS}sciatica/`,
  },
  {
    id: 'impingement',
    term: 'impingement',
    aliases: ['impinging', 'impinges', 'shoulder impingement'],
    definition: 'When two parts of your body press or rub against each other. It can cause pain when you move.',
    url: SHOULDER_PAIN,
  },
  {
    id: 'spondylosis',
    term: 'spondylosis',
    aliases: ['spondylotic', 'cervical spondylosis', 'lumbar spondylosis'],
    definition: 'Wear and tear of the bones and pads in your spine as you get older. It is very common.',
    url: BACK_PAIN,
  },
  {
    id: 'spondylolisthesis',
    term: 'spondylolisthesis',
    aliases: ['anterolisthesis', 'retrolisthesis', 'listhesis'],
    definition: 'When one of the bones in your spine slips forward or back over the one below it.',
    url: `${NHS}spondylolisthesis/`,
  },
  {
    id: 'scoliosis',
    term: 'scoliosis',
    aliases: ['scoliotic'],
    definition: 'When your spine curves to the side. It is often mild.',
    url: `${NHS}scoliosis/`,
  },
  {
    id: 'kyphosis',
    term: 'kyphosis',
    aliases: ['kyphotic'],
    definition: 'When your upper back curves forward more than usual. It gives you a rounded back.',
    url: `${NHS}kyphosis/`,
  },
  {
    id: 'tear',
    term: 'tear',
    aliases: ['tears', 'torn', 'rupture', 'ruptured'],
    definition: 'A rip or split in a muscle, or in the cords and bands around a joint.',
    url: SPRAINS,
  },
  {
    id: 'tendinopathy',
    term: 'tendinopathy',
    aliases: ['tendinosis', 'tendonitis', 'tendinitis', 'tendonosis'],
    definition: 'When the cord that joins a muscle to a bone is sore or damaged. It is often caused by overuse.',
    url: `${NHS}tendonitis/`,
  },
  {
    id: 'bursitis',
    term: 'bursitis',
    definition: 'When a small cushion of fluid near a joint becomes swollen and sore.',
    url: `${NHS}bursitis/`,
  },
  {
    id: 'gallstones',
    term: 'gallstones',
    aliases: ['gallstone', 'cholelithiasis', 'gall stones'],
    definition: 'Small stones that form in the small pouch under your liver. Many people have them and never know.',
    url: `${NHS}gallstones/`,
  },
  {
    id: 'cholecystitis',
    term: 'cholecystitis',
    definition: 'When the small pouch under your liver gets swollen and sore. It is often caused by stones.',
    url: `${NHS}acute-cholecystitis/`,
  },
  {
    id: 'fatty-liver',
    term: 'fatty liver',
    aliases: ['hepatic steatosis', 'steatosis', 'fatty infiltration'],
    definition: 'When there is extra fat in the liver. It is common, and changes to diet, weight and drinking can often help.',
    url: LIVER_DISEASE,
  },
  {
    id: 'cirrhosis',
    term: 'cirrhosis',
    aliases: ['cirrhotic'],
    definition: 'When the liver becomes scarred over a long time. This makes it harder for the liver to work.',
    url: `${NHS}cirrhosis/`,
  },
  {
    id: 'kidney-stone',
    term: 'kidney stone',
    aliases: ['kidney stones', 'renal calculus', 'renal calculi', 'calculus', 'calculi', 'nephrolithiasis', 'urolithiasis', 'renal stone', 'renal stones'],
    definition: 'A small, hard lump that forms in a kidney from waste in your pee. Small ones often pass out in your pee by themselves.',
    url: `${NHS}kidney-stones/`,
  },
  {
    id: 'hydronephrosis',
    term: 'hydronephrosis',
    aliases: ['hydroureter', 'pelvicalyceal dilatation'],
    definition: 'When a kidney is swollen because pee cannot drain out of it well.',
    url: ULTRASOUND,
  },
  {
    id: 'diverticula',
    term: 'diverticula',
    aliases: ['diverticulum', 'diverticulosis', 'diverticular disease'],
    definition: 'Small pouches that bulge out from the wall of the bowel. They are very common as people get older, and often cause no problems.',
    url: `${NHS}diverticular-disease-and-diverticulitis/`,
  },
  {
    id: 'diverticulitis',
    term: 'diverticulitis',
    definition: 'When small pouches in the wall of the bowel become infected or swollen. It can cause tummy pain.',
    url: `${NHS}diverticular-disease-and-diverticulitis/`,
  },
  {
    id: 'appendicitis',
    term: 'appendicitis',
    definition: 'When the small pouch joined to your gut gets swollen and sore. It usually needs to be treated in hospital.',
    url: `${NHS}appendicitis/`,
  },
  {
    id: 'bowel-obstruction',
    term: 'bowel obstruction',
    aliases: ['obstruction', 'obstructed', 'small bowel obstruction'],
    definition: 'When something blocks your bowel, so food and waste cannot pass through. It needs treatment in hospital.',
    url: CT,
  },
  // ---------------------------------------------------------------- After an operation
  {
    id: 'post-operative-change',
    term: 'post-operative change',
    aliases: ['post-operative changes', 'postoperative change', 'postoperative changes', 'post-surgical change', 'post-surgical changes', 'postsurgical changes'],
    definition: 'Changes caused by an operation you have had before. They are expected.',
    url: XRAY,
  },
  {
    id: 'implant',
    term: 'implant',
    aliases: ['implants', 'prosthesis', 'prostheses', 'prosthetic', 'arthroplasty', 'joint replacement'],
    definition: 'Something put into your body in an operation, such as a new hip, a metal plate or a screw. It often looks very white on an X-ray.',
    url: XRAY,
  },
  {
    id: 'surgical-clips',
    term: 'surgical clips',
    aliases: ['surgical clip', 'clips', 'staples'],
    definition: 'Small metal pieces or stitches left in place after an operation. They are harmless and show up white on scans.',
    url: XRAY,
  },
  // ---------------------------------------------------------------- The people
  {
    id: 'radiologist',
    term: 'radiologist',
    aliases: ['radiologists', 'reporting radiologist'],
    definition: 'A doctor who is an expert in reading X-rays and scans. They write the report about your images.',
    url: XRAY,
  },
  {
    id: 'radiographer',
    term: 'radiographer',
    aliases: ['radiographers', 'reporting radiographer'],
    definition: 'A trained health worker who takes X-rays and scans. Some are also trained to write reports.',
    url: XRAY,
  },
  {
    id: 'sonographer',
    term: 'sonographer',
    aliases: ['sonographers'],
    definition: 'A trained health worker who does ultrasound scans.',
    url: ULTRASOUND,
  },
];

/** The built-in glossary (en-GB). Frozen: build your own with {@link buildGlossary}. */
export const glossaryEnGB: readonly GlossaryEntry[] = Object.freeze(ENTRIES.map(freezeEntry));

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest term or alias we accept from a portal, so matching stays quick. */
const MAX_TERM = 100;
const MAX_DEFINITION = 1000;

/**
 * The built-in glossary with a portal's additions and overrides. An override with a built-in id
 * replaces that entry (fields it leaves out keep the built-in value); a new id adds an entry, and then
 * `term`, `definition` and `url` are needed. Invalid override entries are skipped and returned in
 * `rejected` with a reason naming the field, e.g. `url must be https`.
 *
 * `base` replaces the built-in entries (the Welsh glossary passes its own, see `glossary-cy.ts`).
 */
export function buildGlossary(
  overrides?: readonly Partial<GlossaryEntry>[] | unknown,
  base: readonly GlossaryEntry[] = glossaryEnGB,
): {
  glossary: Glossary;
  rejected: { index: number; reason: string }[];
} {
  const byId = new Map<string, GlossaryEntry>(base.map((entry) => [entry.id, entry]));
  const rejected: { index: number; reason: string }[] = [];
  if (overrides !== undefined && overrides !== null) {
    if (!Array.isArray(overrides)) {
      rejected.push({ index: -1, reason: 'overrides must be a list of entries' });
    } else {
      overrides.forEach((override: unknown, index) => {
        const result = validate(override, byId);
        if (typeof result === 'string') rejected.push({ index, reason: result });
        else byId.set(result.id, result);
      });
    }
  }
  return { glossary: createGlossary([...byId.values()]), rejected };
}

function createGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byId = new Map<string, GlossaryEntry>();
  const byForm = new Map<string, GlossaryEntry>();
  // Later entries win, so a portal's new words beat built-in words with the same spelling.
  for (const entry of entries) {
    byId.set(entry.id, entry);
    for (const form of [entry.term, ...(entry.aliases ?? [])]) byForm.set(normalise(form), entry);
  }
  return Object.freeze({
    entries: Object.freeze([...entries]),
    get(idOrTerm: string): GlossaryEntry | undefined {
      if (typeof idOrTerm !== 'string') return undefined;
      return byId.get(idOrTerm) ?? byForm.get(normalise(idOrTerm));
    },
  });
}

/** A checked, frozen entry, or the reason it was rejected (naming the field). */
function validate(value: unknown, existing: ReadonlyMap<string, GlossaryEntry>): GlossaryEntry | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'entry must be an object';
  const override = value as Record<string, unknown>;
  const { id } = override;
  if (typeof id !== 'string' || !ID.test(id)) return 'id must be kebab-case, like "pleural-effusion"';
  const base = existing.get(id);
  const pick = <K extends keyof GlossaryEntry>(key: K): unknown => (override[key] !== undefined ? override[key] : base?.[key]);

  const term = pick('term');
  if (!isText(term, MAX_TERM)) return `term must be text of 1 to ${MAX_TERM} characters`;
  const aliases = pick('aliases');
  if (aliases !== undefined && (!Array.isArray(aliases) || !aliases.every((alias) => isText(alias, MAX_TERM)))) {
    return `aliases must be a list of texts of 1 to ${MAX_TERM} characters`;
  }
  const definition = pick('definition');
  if (!isText(definition, MAX_DEFINITION)) return `definition must be text of 1 to ${MAX_DEFINITION} characters`;
  const url = pick('url');
  if (typeof url !== 'string' || !isHttps(url)) return 'url must be https';

  return freezeEntry({
    id,
    term: (term as string).trim(),
    ...(aliases ? { aliases: (aliases as string[]).map((alias) => alias.trim()) } : {}),
    definition: (definition as string).trim(),
    url,
  });
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

function freezeEntry(entry: GlossaryEntry): GlossaryEntry {
  const copy: GlossaryEntry = { ...entry };
  if (entry.aliases) copy.aliases = Object.freeze([...entry.aliases]) as string[];
  return Object.freeze(copy);
}

/** How terms are compared: case-insensitive, curly apostrophes as straight, spaces squeezed. */
function normalise(form: string): string {
  return form.trim().replace(/\u2019/g, "'").replace(/\s+/g, ' ').toLowerCase();
}
