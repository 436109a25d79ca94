/**
 * The glossary in Welsh (cy), as data: Welsh words and definitions for the built-in entries, by the
 * id of the English entry (`en-GB.ts`). `../glossary-cy.ts` is the code around it (the Welsh
 * mutations, and the Welsh glossary made from the English one).
 *
 * AWAITING REVIEW BY A WELSH SPEAKER, like `../messages-cy.ts` (see `glossaryReviewStatus`).
 *
 * How to write an entry: `term` is the Welsh word as a report or label would use it, `aliases` other
 * Welsh forms that mean exactly the same (the mutated forms are found by the code, not listed here),
 * `definition` the Welsh of the English definition. The link stays the English entry's.
 *
 * Data only: no code in this file.
 */
import type { WelshEntry } from '../glossary-cy.js';

/** Review state of the Welsh glossary: `draft` until a Welsh speaker has checked every entry. */
export const glossaryReviewStatus = {
  status: 'draft',
  needsReviewBy: 'a Welsh speaker (ideally a medical translator)',
  /** Ids a Welsh speaker has checked and approved. None yet. */
  reviewedIds: [] as readonly string[],
} as const;

/** Welsh words and definitions, by the id of the built-in (English) entry. */
export const glossaryCy: Readonly<Record<string, WelshEntry>> = {
  // ---------------------------------------------------------------- The kinds of scan
  'x-ray': {
    term: 'pelydr-X',
    aliases: ['pelydrau-X', 'pelydr X', 'llun pelydr-X'],
    definition: "Prawf cyflym sy'n tynnu llun o'r tu mewn i'ch corff. Mae'n defnyddio ychydig bach o ymbelydredd ac nid yw'n brifo.",
  },
  'ct-scan': {
    term: 'sgan CT',
    aliases: ['sganiau CT'],
    definition: "Sgan sy'n defnyddio pelydrau-X a chyfrifiadur i dynnu llawer o luniau o'r tu mewn i'ch corff. Mae'r lluniau fel sleisys tenau.",
  },
  'mri-scan': {
    term: 'sgan MRI',
    aliases: ['sganiau MRI'],
    definition: "Sgan sy'n defnyddio magnet cryf a thonnau radio i dynnu lluniau o'r tu mewn i'ch corff. Nid yw'n defnyddio pelydrau-X.",
  },
  'ultrasound-scan': {
    term: 'sgan uwchsain',
    aliases: ['sganiau uwchsain', 'uwchsain'],
    definition: "Sgan sy'n defnyddio tonnau sain i wneud lluniau o'r tu mewn i'ch corff. Mae'n ddiogel ac nid yw'n brifo.",
  },
  'nuclear-medicine-scan': {
    term: 'sgan meddygaeth niwclear',
    aliases: ['sganiau meddygaeth niwclear', 'meddygaeth niwclear'],
    definition:
      "Sgan lle rydych yn cael meddyginiaeth gydag ychydig bach o ymbelydredd ynddi. Yna mae camera arbennig yn dangos ble mae'n mynd.",
  },
  'pet-scan': {
    term: 'sgan PET',
    aliases: ['sganiau PET'],
    definition:
      "Sgan sy'n dangos sut mae rhannau o'r corff yn gweithio. Cyn y sgan, rydych yn cael meddyginiaeth gydag ychydig bach o ymbelydredd ynddi.",
  },
  'bone-scan': {
    term: 'sgan esgyrn',
    aliases: ['sganiau esgyrn'],
    definition:
      "Sgan o'r esgyrn gan ddefnyddio ychydig bach o feddyginiaeth ymbelydrol. Mae'n dangos rhannau o asgwrn sy'n fwy gweithgar nag arfer. Mae llawer o achosion posibl.",
  },
  mammogram: {
    term: 'mamogram',
    aliases: ['mamogramau'],
    definition: "Llun pelydr-X o'r fron. Gall ddod o hyd i newidiadau sy'n rhy fach i'w gweld neu i'w teimlo.",
  },
  contrast: {
    term: 'lliw cyferbyniad',
    aliases: ['hylif cyferbyniad', 'cyferbyniad'],
    definition:
      "Lliw arbennig sy'n gwneud i rannau o'ch corff ddangos yn gliriach ar sgan. Efallai y byddwch yn ei gael fel diod, neu drwy diwb tenau yn eich braich.",
  },
  tracer: {
    term: 'olinydd',
    aliases: ['olinyddion', 'olinydd ymbelydrol'],
    definition:
      "Meddyginiaeth gydag ychydig bach o ymbelydredd ynddi, ar gyfer rhai sganiau. Fel arfer mae'n cael ei rhoi fel pigiad. Gall camera arbennig weld ble mae'n mynd.",
  },
  slice: {
    term: 'sleisen',
    aliases: ['sleisys'],
    definition: "Un llun o sgan CT neu MRI. Mae'n dangos un haen denau o'ch corff, fel un darn o dorth o fara.",
  },
  // ---------------------------------------------------------------- Parts of the body
  lung: {
    term: 'ysgyfant',
    aliases: ['ysgyfaint'],
    definition: "Un o'r ddau organ meddal, fel sbwng, yn eich brest. Maen nhw'n cymryd aer i mewn pan fyddwch chi'n anadlu.",
  },
  diaphragm: {
    term: 'llengig',
    definition: "Y llen o gyhyr siâp cromen o dan eich ysgyfaint sy'n eich helpu i anadlu. Mae rhwng eich brest a'ch bol.",
  },
  heart: {
    term: 'calon',
    aliases: ['calonnau'],
    definition: "Y cyhyr yn eich brest sy'n pwmpio gwaed o gwmpas eich corff i gyd.",
  },
  brain: {
    term: 'ymennydd',
    definition: "Yr organ y tu mewn i'ch pen sy'n rheoli eich meddyliau, eich teimladau a'ch symudiadau.",
  },
  ventricle: {
    term: 'fentrigl',
    aliases: ['fentriglau'],
    definition:
      "Un o'r bylchau arferol yn ddwfn y tu mewn i'ch ymennydd. Maen nhw'n llawn hylif clir sy'n amddiffyn eich ymennydd. Mae gan eich calon hefyd ddwy siambr gyda'r un enw.",
  },
  sinus: {
    term: 'sinws',
    aliases: ['sinysau'],
    definition: "Un o'r bylchau bach llawn aer yn esgyrn eich wyneb, o gwmpas eich trwyn a'ch llygaid.",
  },
  liver: {
    term: 'afu',
    definition: "Organ fawr ar ochr dde eich bol, o dan eich asennau. Mae'n glanhau eich gwaed ac yn eich helpu i dreulio bwyd.",
  },
  gallbladder: {
    term: 'coden fustl',
    aliases: ['codennau bustl'],
    definition: "Cwdyn bach o dan eich afu. Mae'n cadw bustl, sudd sy'n eich helpu i dreulio braster.",
  },
  kidney: {
    term: 'aren',
    aliases: ['arennau'],
    definition: "Un o ddau organ siâp ffeuen ger canol eich cefn. Maen nhw'n glanhau eich gwaed ac yn gwneud pi-pi (wrin).",
  },
  bladder: {
    term: 'pledren',
    aliases: ['pledrenni'],
    definition: "Y cwdyn sy'n gallu ymestyn, yn isel yn eich bol. Mae'n dal pi-pi (wrin) nes i chi fynd i'r toiled.",
  },
  pelvis: {
    term: 'pelfis',
    definition:
      "Y cylch o esgyrn ar waelod eich asgwrn cefn, lle mae eich coesau'n ymuno wrth y cluniau. Gall hefyd olygu rhan isaf eich bol.",
  },
  spine: {
    term: 'asgwrn cefn',
    aliases: ['asgwrn y cefn', 'meingefn'],
    definition: "Y golofn o esgyrn bach sy'n rhedeg i lawr eich cefn. Mae'n eich dal i fyny ac yn amddiffyn y nerfau y tu mewn iddi.",
  },
  rib: {
    term: 'asen',
    aliases: ['asennau'],
    definition: "Un o'r 12 pâr o esgyrn crwm o gwmpas eich brest. Maen nhw'n amddiffyn eich calon a'ch ysgyfaint.",
  },
  femur: {
    term: 'ffemwr',
    aliases: ['asgwrn y forddwyd'],
    definition: "Yr asgwrn yn rhan uchaf eich coes, rhwng eich clun a'ch pen-glin. Dyma'r asgwrn hiraf yn eich corff.",
  },
  tibia: {
    term: 'tibia',
    aliases: ['asgwrn y grimog'],
    definition: "Asgwrn blaen eich coes, o dan eich pen-glin. Dyma'r mwyaf o'r ddau asgwrn yn rhan isaf eich coes.",
  },
  joint: {
    term: 'cymal',
    aliases: ['cymalau'],
    definition: 'Lle mae dau asgwrn yn cwrdd ac yn symud yn erbyn ei gilydd, fel eich pen-glin neu eich penelin.',
  },
  cartilage: {
    term: 'cartilag',
    definition: "Yr haen lefn, gref a hyblyg sy'n gorchuddio pennau esgyrn mewn cymal. Mae'n eu helpu i symud yn esmwyth dros ei gilydd.",
  },
  meniscus: {
    term: 'menisgws',
    aliases: ['menisgi'],
    definition: "Un o ddau bad siâp C o feinwe gref, fel rwber, yn eich pen-glin. Maen nhw'n clustogi eich pen-glin ac yn ei gadw'n gyson.",
  },
  muscle: {
    term: 'cyhyr',
    aliases: ['cyhyrau'],
    definition: "Rhan o'ch corff sy'n gallu tynhau ac ymlacio i wneud i chi symud.",
  },
  // ---------------------------------------------------------------- What a report may find
  cyst: {
    term: 'coden',
    aliases: ['codennau', 'syst'],
    definition: "Poced neu sach fach llawn hylif. Mae'r rhan fwyaf yn ddiniwed ac nid oes angen eu trin.",
  },
  fluid: {
    term: 'hylif',
    aliases: ['hylifau'],
    definition:
      "Unrhyw beth gwlyb yn eich corff, fel gwaed, pi-pi neu'r dŵr clir o gwmpas eich cymalau a'ch ymennydd. Mae peth ohono'n normal mewn llawer o leoedd.",
  },
  'degenerative-change': {
    term: 'newid dirywiol',
    aliases: ['newidiadau dirywiol'],
    definition: "Newidiadau o ddefnydd arferol wrth i chi fynd yn hŷn. Maen nhw'n gyffredin iawn, ac nid ydyn nhw bob amser yn achosi poen.",
  },
  osteoarthritis: {
    term: 'osteoarthritis',
    definition: "Cyflwr cyffredin sy'n gwneud cymalau'n stiff ac yn boenus. Mae'n digwydd pan fydd yr arwyneb llyfn y tu mewn i gymal yn treulio.",
  },
  tear: {
    term: 'rhwyg',
    aliases: ['rhwygiadau', 'wedi rhwygo'],
    definition: "Hollt mewn rhan o'r corff, fel cyhyr, tendon, gewyn, cartilag neu'r padiau mewn cymal.",
  },
  // ---------------------------------------------------------------- Added with the larger glossary (branch glossary)
  bone: {
    term: 'asgwrn',
    aliases: ['esgyrn', 'esgyrnog'],
    definition: "Y rhannau caled sy'n gwneud ffrâm y corff.",
  },
  'chest-x-ray': {
    term: "pelydr-X o'r frest",
    aliases: ["pelydrau-X o'r frest", 'pelydr-X y frest'],
    definition: "Llun o'r frest gyda pelydrau-X. Mae'n dangos yr ysgyfaint, y galon, yr asennau a'r pibellau gwaed mawr.",
  },
  skull: {
    term: 'penglog',
    aliases: ['penglogau'],
    definition: "Esgyrn y pen sy'n amddiffyn yr ymennydd.",
  },
  knee: {
    term: 'pen-glin',
    aliases: ['pengliniau', 'pen glin'],
    definition: "Y cymal rhwng asgwrn y forddwyd ac asgwrn y grimog. Mae adroddiadau'n ei rannu'n rhannau, fel yr ochr fewnol a'r ochr allanol.",
  },
  'wear-and-tear': {
    term: 'traul',
    aliases: ['traul a gwisgo', 'ôl traul'],
    definition: "Newidiadau o ddefnyddio rhan o'r corff dros lawer o flynyddoedd. Maen nhw'n gyffredin iawn gydag oedran, ac nid ydynt bob amser yn achosi poen.",
  },
  fat: {
    term: 'braster',
    aliases: ['brasterog', 'meinwe fraster'],
    definition: "Meinwe feddal sy'n storio egni. Mae peth ohoni'n normal yn y rhan fwyaf o'r corff.",
  },
  breast: {
    term: 'bronnau',
    aliases: ['y fron', "o'r fron"],
    definition: "Y rhan o'r frest sy'n gallu gwneud llaeth. Ar famogram, mae'n cynnwys meinwe frasterog a meinwe ddwysach.",
  },
  ankle: {
    term: 'ffêr',
    aliases: ['fferau', 'pigwrn'],
    definition: "Y cymal rhwng rhan isaf y goes a'r droed, gyda lwmp esgyrnog ar bob ochr.",
  },
  wrist: {
    term: 'arddwrn',
    aliases: ['arddyrnau'],
    definition: "Y cymal rhwng y fraich isaf a'r llaw.",
  },
  elbow: {
    term: 'penelin',
    aliases: ['penelinoedd'],
    definition: "Y cymal yng nghanol y fraich. Gall adroddiadau enwi ei rannau esgyrnog, neu'r padiau braster o'i gwmpas.",
  },
  gallstones: {
    term: 'cerrig bustl',
    aliases: ['carreg fustl'],
    definition: "Cerrig bach sy'n ffurfio yn y cwdyn bach o dan eich afu. Mae gan lawer o bobl nhw heb wybod byth.",
  },
  // --- branch lay-report (the report's own messages use this word) ---
  radiologist: {
    term: 'radiolegydd',
    aliases: ['radiolegwyr'],
    definition: "Meddyg sy'n arbenigo mewn darllen pelydrau-X a sganiau. Mae'n ysgrifennu'r adroddiad am eich delweddau.",
  },
  // Words of the demo's CT documents (awaiting review by a Welsh speaker, like the rest).
  stroke: {
    term: 'strôc',
    aliases: ['strociau'],
    definition: "Pan fydd y cyflenwad gwaed i ran o'r ymennydd yn cael ei atal, neu pan fydd pibell waed yn yr ymennydd yn gwaedu.",
  },
  'surgical-clips': {
    term: 'clipiau llawfeddygol',
    aliases: ['clip llawfeddygol', 'clipiau'],
    definition: "Darnau bach o fetel, neu bwythau, sy'n cael eu gadael ar ôl llawdriniaeth neu ar ôl cymryd sampl. Nid ydynt yn gwneud niwed ac maent yn edrych yn wyn ar sganiau.",
  },
  // Words of the demo's reports (awaiting review by a Welsh speaker, like the rest).
  pa: {
    term: 'PA',
    definition: "Pelydr-X sy'n cael ei dynnu o'r cefn i'r blaen. Dyma'r ffordd arferol o dynnu pelydr-X o'r frest os gallwch sefyll.",
  },
  'clinical-details': {
    term: 'manylion clinigol',
    aliases: ['gwybodaeth glinigol'],
    definition: "Y rheswm dros y sgan, fel y mae'r person a ofynnodd amdano wedi'i ysgrifennu.",
  },
  'query-mark': {
    term: '?',
    definition:
      "Mewn adroddiad, mae marc cwestiwn cyn gair yn golygu bod y meddyg wedi cael cais i chwilio amdano, neu nad yw'n siŵr amdano. Nid yw'n ddiagnosis.",
  },
  comparison: {
    term: 'cymhariaeth',
    aliases: ['cymharu', "o'i gymharu â"],
    definition: "Mae'r adroddiad yn edrych ar y delweddau hyn wrth ymyl rhai hŷn, i weld beth sydd wedi newid.",
  },
  no: {
    term: 'dim',
    definition: "Pan fydd yr adroddiad yn defnyddio'r gair hwn, mae'n dweud bod y meddyg wedi chwilio am y peth sy'n dod ar ei ôl, a heb ei weld.",
  },
  findings: {
    term: 'canfyddiadau',
    aliases: ['canfyddiad'],
    definition: 'Beth welodd y meddyg ar y delweddau.',
  },
  enlarged: {
    term: 'wedi ehangu',
    aliases: ['chwyddedig', 'wedi chwyddo', 'ehangu'],
    definition: "Yn fwy nag arfer. Gall fod llawer o achosion.",
  },
  mediastinum: {
    term: 'mediastinwm',
    definition:
      "Y gofod yng nghanol y frest, rhwng yr ysgyfaint. Mae'n dal y galon, y bibell wynt, y bibell fwyd a phibellau gwaed mawr.",
  },
  'within-normal-limits': {
    term: 'o fewn terfynau normal',
    aliases: ["o fewn yr ystod normal"],
    definition: "Normal. Mae y tu mewn i'r ystod sy'n arferol i'r rhan fwyaf o bobl.",
  },
  units: {
    term: 'mm',
    definition: "Unedau maint. Mae 10 milimetr yn gwneud 1 centimetr. Mae hynny tua mor llydan ag ewin bys.",
  },
  opacity: {
    term: 'didreiddedd',
    aliases: ['didreiddeddau', 'ardal wen'],
    definition:
      "Ardal sy'n edrych yn wynnach nag y dylai ar belydr-X neu sgan CT o'r frest. Mae llawer o achosion posibl, ac nid yw llawer ohonynt yn ddifrifol.",
  },
  consolidation: {
    term: 'cyfnerthiad',
    aliases: ['cyfnerthu'],
    definition:
      "Pan fydd rhan o'r ysgyfaint yn llawn hylif neu ddeunydd arall yn lle aer. Mae haint yn achos cyffredin, ond mae achosion eraill.",
  },
  pneumothorax: {
    term: 'niwmothoracs',
    definition: "Aer yn y gofod rhwng un o'r ysgyfaint a wal y frest, sy'n gallu gwneud i ran o'r ysgyfaint grebachu.",
  },
  'costophrenic-angle': {
    term: 'ongl gostoffrenig',
    aliases: ['onglau costoffrenig', 'ongl costoffrenig'],
    definition:
      "Y gornel finiog ar waelod pob ysgyfant ar belydr-X o'r frest. Mae ychydig bach o hylif yn aml yn dangos yma gyntaf.",
  },
  acute: {
    term: 'acíwt',
    aliases: ['aciwt'],
    definition: "Diweddar neu sydyn. Nid yw'n golygu'r un peth â difrifol.",
  },
  abnormality: {
    term: 'annormaledd',
    aliases: ['annormaleddau'],
    definition: "Rhywbeth sy'n edrych yn wahanol i'r hyn sy'n arferol. Nid yw bob amser yn golygu bod problem.",
  },
  impression: {
    term: 'argraff',
    definition: "Y rhan o'r adroddiad lle mae'r meddyg yn crynhoi beth mae'r sgan yn ei ddangos.",
  },
  nodule: {
    term: 'nodwl',
    aliases: ['nodylau'],
    definition: "Lwmp neu smotyn bach, crwn. Mae'r rhan fwyaf yn ddiniwed. Gall fod llawer o achosion.",
  },
  malignant: {
    term: 'malaen',
    aliases: ['malaenedd', 'malaenaidd'],
    definition: "Canser: celloedd sy'n tyfu allan o reolaeth ac sy'n gallu lledaenu. Gall fod llawer o achosion; bydd eich tîm gofal yn esbonio.",
  },
  'not-excluded': {
    term: 'heb ei ddiystyru',
    aliases: ['heb ei diystyru', 'ni ellir ei ddiystyru', 'ni ellir ei diystyru'],
    definition: "Ni all yr adroddiad ddweud yn sicr nad yw hyn yno. Mae'n bosibilrwydd, nid diagnosis. Bydd eich tîm gofal yn esbonio.",
  },
  recommendation: {
    term: 'argymhellir',
    aliases: ['argymell', 'argymhelliad', 'argymhellion'],
    definition:
      "Rhywbeth mae'r meddyg a ddarllenodd y sgan yn meddwl y dylai ddigwydd nesaf, fel prawf arall. Bydd eich tîm gofal yn penderfynu gyda chi.",
  },
  'further-evaluation': {
    term: 'asesiad pellach',
    aliases: ['asesu pellach', 'ymchwiliad pellach'],
    definition: 'Rhagor o brofion neu wiriadau i gael gwybod mwy.',
  },
  persistent: {
    term: 'parhaus',
    definition: 'Yn dal yno, fel ar sgan cynharach.',
  },
  haemorrhage: {
    term: 'gwaedlif',
    aliases: ['gwaedlifau'],
    definition: "Gwaedu. Gall fod y tu mewn i'r corff, lle na allwch ei weld.",
  },
  axial: {
    term: 'echelinol',
    definition:
      "Delweddau sy'n torri'n syth ar draws y corff, o un ochr i'r llall. Maen nhw'n cael eu dangos fel petaech chi'n edrych i fyny o'r traed.",
  },
  'extra-axial': {
    term: 'all-echelinol',
    aliases: ['mewn-echelinol'],
    definition: "Y tu mewn i'r benglog ond y tu allan i'r ymennydd ei hun. Mae'r gair cyferbyn yn golygu y tu mewn i'r ymennydd.",
  },
  infarct: {
    term: 'cnawdnychiant',
    aliases: ['cnawdnychiannau'],
    definition:
      "Ardal sydd wedi cael ei niweidio oherwydd bod ei chyflenwad gwaed wedi'i rwystro. Yn yr ymennydd, mae hyn yn fath o strôc.",
  },
  sulci: {
    term: 'rhychau',
    aliases: ['rhych', 'swlci', 'swlcws'],
    definition: "Y plygiadau a'r rhigolau ar wyneb yr ymennydd. Maen nhw'n aml yn edrych yn lletach gydag oedran.",
  },
  morphology: {
    term: 'morffoleg',
    definition: 'Siâp a strwythur rhywbeth.',
  },
  'midline-shift': {
    term: 'symudiad y llinell ganol',
    definition: "Pan fydd canol yr ymennydd wedi cael ei wthio i un ochr gan rywbeth sy'n pwyso arno.",
  },
  'mass-effect': {
    term: 'effaith màs',
    aliases: ['effaith mas'],
    definition: "Pan fydd rhywbeth yn pwyso ar y rhannau o'i gwmpas. Mae'n eu gwthio allan o'u lle arferol.",
  },
  cisterns: {
    term: 'sisternau gwaelodol',
    aliases: ['sisternau', 'sistern'],
    definition: "Gofodau llawn hylif clir o gwmpas gwaelod yr ymennydd. Maen nhw'n normal.",
  },
  csf: {
    term: 'CSF',
    aliases: ['hylif serebro-sbinol'],
    definition: "Yr hylif clir o gwmpas yr ymennydd a llinyn y cefn. Mae'n eu clustogi ac yn eu hamddiffyn.",
  },
  noted: {
    term: 'nodwyd',
    aliases: ['gwelwyd'],
    definition: "Wedi'i weld ar y delweddau.",
  },
  posterior: {
    term: "tua'r cefn",
    aliases: ['yn y cefn'],
    definition: "Yng nghefn y corff neu gefn rhan o'r corff, neu'n agos ato.",
  },
  cerebellum: {
    term: 'serebelwm',
    aliases: ['ymennydd bach'],
    definition: "Y rhan yng nghefn a gwaelod yr ymennydd. Mae'n helpu gyda chydbwysedd a symud yn llyfn.",
  },
  'in-keeping-with': {
    term: 'yn gyson â',
    aliases: ['yn gyson ag', 'yn cyd-fynd â', 'yn cyd-fynd ag'],
    definition:
      "Pan fydd yr adroddiad yn defnyddio'r geiriau hyn, mae'n golygu 'yn edrych fel' neu 'yn ffitio gyda'. Mae'n dweud beth yw'r esboniad mwyaf tebygol.",
  },
  'normal-variant': {
    term: 'amrywiad normal',
    aliases: ['amrywiadau normal', 'amrywiad arferol'],
    definition: "Rhywbeth sy'n edrych yn wahanol i'r rhan fwyaf o bobl, ond sy'n normal. Dyna sut mae'r corff hwnnw wedi'i wneud.",
  },
  'mucosal-thickening': {
    term: 'tewychu mwcosaidd',
    aliases: ["tewychu'r mwcosa", 'mwcosa wedi tewychu'],
    definition:
      "Pan fydd leinin y sinysau yn fwy trwchus nag arfer. Y sinysau yw'r gofodau aer o gwmpas y trwyn. Mae'n gyffredin iawn, yn aml ar ôl annwyd.",
  },
  likely: {
    term: 'tebygol',
    aliases: ['yn debygol', 'mwyaf tebygol'],
    definition: "Mae'n debyg, ond nid yw'n sicr. Dyma farn orau'r adroddiad.",
  },
  mastoid: {
    term: 'mastoid',
    aliases: ['asgwrn mastoid'],
    definition: "Y lwmp esgyrnog y tu ôl i'r glust. Mae ganddo fannau bach llawn aer y tu mewn iddo.",
  },
  intracranial: {
    term: 'mewngreuanol',
    aliases: ['o fewn y benglog'],
    definition: "Y tu mewn i'r benglog.",
  },
  mild: {
    term: 'ysgafn',
    definition: 'Ychydig bach. Llai na chymedrol neu ddifrifol.',
  },
};
