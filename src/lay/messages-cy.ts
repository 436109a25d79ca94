/**
 * Every word the viewer shows, in Welsh (cy): the same keys and placeholders as the en-GB
 * catalogue in `messages.ts`. A missing or extra key is a compile error (`satisfies Catalogue`), and
 * so is a placeholder that differs from the English one (`PlaceholderCheck` below).
 *
 * AWAITING REVIEW BY A WELSH SPEAKER. These are a first draft written by the project, not by a
 * first-language Welsh speaker or a professional translator, and no Welsh speaker has checked them
 * yet (see {@link reviewStatus}). Have them reviewed before patients rely on them; a portal can
 * replace any string through the elements' `messages` property meanwhile.
 *
 * Notes for the reviewer:
 * - Written in the `chi` form, in the plain style of the NHS Wales and Welsh Government guidance
 *   ("Mae'n ddrwg gennym", "Rhowch gynnig arall arni").
 * - Placeholders are filled without mutation, so the templates put them where Welsh needs none:
 *   after `o'ch`, `eich`, or a colon ("{kind} o'ch {part}": "Sgan CT o'ch pen"). `part.*` and
 *   `region.*` are therefore radical (unmutated) forms.
 * - Numbers come before a singular noun ("{count} label arall"), as Welsh counts.
 * - Reading-age formulas (test/lay/readability.unit.test.ts) are for English only and are not run on
 *   these strings; the Welsh checks (test/lay/welsh.test.ts) cover keys, placeholders, sentence
 *   length and rendering.
 *
 * Loaded only when an element's language is Welsh (a separate chunk), so English pages never
 * download it.
 */
import type { enGB, Catalogue, MessageKey } from './messages.js';

/** Review state of this catalogue: `draft` until a Welsh speaker has checked every string. */
export const reviewStatus = {
  status: 'draft',
  needsReviewBy: 'a Welsh speaker (ideally a medical translator)',
  /** Keys a Welsh speaker has checked and approved. None yet. */
  reviewedKeys: [] as readonly MessageKey[],
} as const;

export const cy = {
  loading: 'Yn llwytho eich delwedd',
  loadingProgress: "Yn llwytho eich delwedd: {percent}% wedi'i lwytho",
  loaded: "{description}: yn barod i chi ei gweld",
  imageOf: 'Delwedd {index} o {count}',
  imageSlider: 'Dewiswch ddelwedd',
  errorTitle: "Mae'n ddrwg gennym, ni allwn ddangos y ddelwedd hon",
  tryAgain: 'Rhowch gynnig arall arni',
  'error.network': "Doedd dim modd i ni lwytho eich delwedd. Gwiriwch eich cysylltiad â'r rhyngrwyd, yna rhowch gynnig arall arni.",
  'error.unauthorised':
    'Doedd dim modd i ni lwytho eich delwedd oherwydd bod angen i chi fewngofnodi eto. Mewngofnodwch, yna rhowch gynnig arall arni.',
  'error.not-found': "Doedd dim modd i ni ddod o hyd i'r ddelwedd hon. Efallai ei bod wedi cael ei symud.",
  'error.server': "Mae problem gyda'r gwasanaeth delweddau. Rhowch gynnig arall arni nes ymlaen.",
  'error.timeout': 'Mae eich delwedd yn cymryd gormod o amser i lwytho. Rhowch gynnig arall arni.',
  'error.not-an-image': 'Does dim delwedd yn y ffeil hon y gallwn ei dangos. Efallai mai adroddiad neu wybodaeth arall ydyw.',
  'error.unsupported-format': 'Ni allwn ddangos y math hwn o ffeil. Efallai nad sgan na phelydr-X ydyw.',
  'error.too-large': "Mae'r ddelwedd hon yn rhy fawr i ni ei dangos yn eich porwr gwe.",
  'error.corrupt-file': "Mae'r ffeil delwedd hon wedi'i difrodi neu heb ei chwblhau, felly ni allwn ei dangos.",
  'error.rendering-unavailable':
    'Doedd eich porwr gwe ddim yn gallu dangos y ddelwedd hon. Rhowch gynnig arall arni, neu defnyddiwch borwr gwe gwahanol.',
  'error.no-source': "Does dim delwedd wedi'i dewis eto.",
  someSkipped: "Doedd dim modd i ni ddangos {skipped} o'r delweddau yn y set hon. Gallwch edrych ar y lleill o hyd.",
  burnedInText: "Efallai bod ysgrifen o'r sganiwr ar y ddelwedd hon. Gall yr ysgrifen gynnwys manylion personol.",
  previous: 'Y ddelwedd flaenorol',
  next: 'Y ddelwedd nesaf',
  zoomIn: 'Chwyddo i mewn',
  zoomOut: 'Chwyddo allan',
  fit: "Ffitio i'r sgrin",
  lighter: 'Goleuach',
  darker: 'Tywyllach',
  moreContrast: 'Golau a thywyll cryfach',
  lessContrast: 'Golau a thywyll meddalach',
  reset: 'Ailosod',
  dragToAdjust: "Llusgo i newid y disgleirdeb",
  controlsLabel: 'Rheolyddion y ddelwedd',
  moveGroup: 'Symud rhwng delweddau',
  viewGroup: 'Maint',
  lookGroup: 'Disgleirdeb',
  keysTitle: 'Sut i ddefnyddio eich bysellfwrdd',
  keysHelp:
    "Pwyswch Tab i symud i'r ddelwedd yn gyntaf. Defnyddiwch Page Up a Page Down i newid y ddelwedd. Defnyddiwch y bysellau saeth i symud y ddelwedd. Pwyswch plws neu minws i chwyddo. Pwyswch 0 i ffitio'r ddelwedd i'r sgrin.",
  aboutTitle: 'Am y math hwn o ddelwedd',
  'kind.xray': 'pelydr-X',
  'kind.ct': 'sgan CT',
  'kind.mri': 'sgan MRI',
  'kind.ultrasound': 'sgan uwchsain',
  'kind.nuclear': 'sgan meddygaeth niwclear',
  'kind.pet': 'sgan PET',
  'kind.mammogram': 'mamogram',
  'kind.other': 'delwedd feddygol',
  'about.xray': 'Delwedd a dynnir mewn eiliad yw pelydr-X. Gall fod un neu ychydig. Mae esgyrn yn edrych yn wyn. Mae aer, fel yn eich ysgyfaint, yn edrych yn dywyll.',
  'about.ct':
    "Mae sgan CT yn tynnu llawer o ddelweddau pelydr-X, fel sleisys drwy eich corff. Symudwch rhwng delweddau i fynd drwy'r sleisys.",
  'about.mri':
    "Mae sgan MRI yn defnyddio magnet i dynnu delweddau, fel sleisys drwy eich corff. Symudwch rhwng delweddau i fynd drwy'r sleisys.",
  'about.ultrasound': "Mae sgan uwchsain yn defnyddio tonnau sain i wneud delweddau. Maen nhw'n dangos y tu mewn i'ch corff.",
  'about.nuclear':
    "Ar gyfer y sgan hwn cawsoch olinydd. Meddyginiaeth gydag ychydig bach o ymbelydredd ynddi yw olinydd. Fel arfer mae rhannau o'ch corff sy'n cymryd mwy ohoni yn edrych yn fwy golau yma.",
  'about.pet':
    "Ar gyfer sgan PET rydych yn cael olinydd. Meddyginiaeth gydag ychydig bach o ymbelydredd ynddi yw olinydd. Mae'n dangos pa mor dda mae rhannau o'ch corff yn gweithio.",
  'about.mammogram': "Delwedd pelydr-X o'r fron yw mamogram.",
  'about.other': 'Delwedd o sgan meddygol yw hon.',
  describe: "{kind} o'ch {part}",
  describeNoPart: '{kind}',
  describeWithIndex: '{description}, delwedd {index} o {count}',
  'part.HEAD': 'pen',
  'part.BRAIN': 'pen',
  'part.CHEST': 'brest',
  'part.ABDOMEN': 'bol',
  'part.PELVIS': 'pelfis (rhan isaf y bol)',
  'part.SPINE': 'asgwrn cefn',
  'part.CSPINE': 'gwddf',
  'part.TSPINE': 'cefn uchaf',
  'part.LSPINE': 'cefn isaf',
  'part.KNEE': 'pen-glin',
  'part.HIP': 'clun',
  'part.HAND': 'llaw',
  'part.FOOT': 'troed',
  'part.ANKLE': 'ffêr',
  'part.WRIST': 'arddwrn',
  'part.SHOULDER': 'ysgwydd',
  'part.ELBOW': 'penelin',
  'part.NECK': 'gwddf',
  'part.HEART': 'calon',
  'part.BREAST': 'bron',
  'part.WHOLEBODY': 'corff cyfan',
  'orientation.yourRight': 'Eich ochr dde',
  'orientation.yourLeft': 'Eich ochr chwith',
  'orientation.head': 'Pen',
  'orientation.feet': 'Traed',
  'orientation.front': 'Blaen',
  'orientation.back': 'Cefn',
  'orientation.roughly': 'Yn fras: {direction}',
  'layer.summaryTitle': 'Beth mae eich adroddiad yn ei ddweud',
  'layer.labelsTitle': 'Labeli ar eich delwedd',
  'layer.kind.anatomy': "Rhan o'ch corff",
  'layer.kind.finding': "O'ch adroddiad",
  'layer.otherImages': 'Mae {count} label arall ar ddelweddau eraill.',
  'layer.otherImage': 'Mae 1 label arall ar ddelwedd arall.',
  'layer.onImage': 'Ar ddelwedd {index}',
  'layer.showImage': 'Dangos delwedd {index}',
  'layer.selected': '{title}. Label {number} o {total}, ar ddelwedd {index}.',
  'layer.notLoaded': "Doedd dim modd i ni ddangos y nodiadau ar gyfer y ddelwedd hon. Gallwch edrych ar y ddelwedd o hyd.",
  'layer.opensNewTab': '(yn agor mewn tab newydd)',
  'layer.close': 'Cau',
  'layer.wordsToKnow': "Geiriau i'w gwybod:",
  'layer.readMore': 'Darllen mwy ar wefan y GIG (yn Saesneg)',
  'layer.bodyMap': "Llun o gorff, gyda'r rhan hon wedi'i marcio: {part}",
  'layer.bodyMapCaption': "Mae'r ddelwedd hon yn dangos eich {part}.",
  'layer.marker': 'Label {number}: {title}',
  'layer.scale': "Graddfa: mae'r llinell hon yn {length} o hyd",
  'scale.mm': '{length} mm',
  'scale.cm': '{length} cm',
  'scale.about': 'tua {length}',
  'disclosure.title': 'Cyn i chi edrych ar eich delweddau',
  'disclosure.whatsComing': "Mae rhan nesaf y dudalen hon yn dangos y delweddau o'ch {kind}.",
  'disclosure.strange':
    "Gall delweddau sgan edrych yn rhyfedd os nad ydych chi wedi arfer â nhw. Nid yw hyn yn golygu bod rhywbeth o'i le.",
  'disclosure.stop': 'Gallwch stopio edrych ar unrhyw adeg. Gallwch hefyd ddod yn ôl atyn nhw nes ymlaen.',
  'disclosure.show': 'Dangos fy nelweddau',
  'disclosure.notNow': 'Dim nawr',
  'disclosure.talk': "Byddai'n well gen i siarad â rhywun yn gyntaf",
  'disclosure.deferred':
    "Mae eich delweddau wedi'u cuddio. Gallwch edrych arnyn nhw pryd bynnag y byddwch chi'n barod.",
  'disclosure.hide': 'Cuddio fy nelweddau',
  'disclosure.shownHeading': 'Eich delweddau',
  'disclosure.shown': 'Mae eich delweddau yn dangos nawr.',
  'disclosure.hidden': "Mae eich delweddau wedi'u cuddio.",
  'disclosure.stopped': 'Ni ellir dangos eich delweddau ar hyn o bryd.',
  'sensitive.noticeOne': "Mae rhywbeth yn eich adroddiad y mae eich tîm gofal am ei drafod gyda chi",
  'sensitive.notice': "Mae {count} peth yn eich adroddiad y mae eich tîm gofal am eu trafod gyda chi",
  'sensitive.explain': "Gallwch ddewis ei weld nawr, neu aros a siarad â'ch tîm gofal yn gyntaf. Mae'r ddau yn iawn.",
  'sensitive.show': 'Dangos i mi nawr',
  'sensitive.wait': 'Byddaf yn aros i siarad â fy nhîm gofal',
  'sensitive.waiting': 'Rydych wedi dewis aros. Gallwch newid eich meddwl ar unrhyw adeg.',
  'sensitive.locked': 'Gallwch ddewis ei weld o {date} ymlaen.',
  'sensitive.hideAgain': 'Ei guddio eto',
  'sensitive.shownOne': 'Mae 1 label arall yn dangos nawr.',
  'sensitive.shown': 'Mae {count} label arall yn dangos nawr.',
  'sensitive.summaryHeld': "Bydd crynodeb eich adroddiad yn dangos yma pan fyddwch chi'n dewis gweld yr hyn a nododd eich tîm gofal.",
  'sensitive.explainMany':
    "Gallwch ddewis eu gweld un ar y tro, i gyd nawr, neu aros a siarad â'ch tîm gofal yn gyntaf. Mae pob un o'r rhain yn iawn.",
  'sensitive.findingName': "Rhan {number} o'ch adroddiad",
  'sensitive.showFinding': 'Dangos rhan {number}',
  'sensitive.hideFinding': 'Cuddio rhan {number} eto',
  'sensitive.findingShown': 'Mae hwn yn dangos nawr ar eich delwedd ac yn y rhestr o labeli.',
  'sensitive.findingLocked': 'Gallwch ddewis gweld hwn o {date} ymlaen.',
  'sensitive.showAll': 'Dangos pob un i mi nawr',
  'sensitive.allShown': 'Rydych wedi dewis gweld pob un. Gallwch guddio pob un eto.',
  'sensitive.wrappedHeading': "Beth mae eich tîm gofal am ei drafod",
  'sensitive.wrappedShown': "Mae'r rhan hon o'ch adroddiad i'w gweld nawr.",
  'sensitive.stopped': "Does dim modd dangos hyn ar hyn o bryd.",
  'ask.open': 'Gofyn cwestiwn am hyn',
  'ask.legend': 'Dewiswch gwestiwn, neu ysgrifennwch eich cwestiwn eich hun',
  'ask.suggested1': 'Beth mae hyn yn ei olygu i mi?',
  'ask.suggested2': 'Oes angen rhagor o brofion arna i?',
  'ask.suggested3': "A yw hyn yn rhywbeth i boeni amdano?",
  'ask.yourQuestion': 'Eich cwestiwn',
  'ask.send': 'Anfon fy nghwestiwn',
  'ask.cancel': 'Canslo',
  'ask.sent': 'Mae eich cwestiwn wedi cael ei anfon at eich tîm gofal.',
  'ask.empty': 'Ysgrifennwch gwestiwn, neu dewiswch un, cyn i chi ei anfon.',
  'ask.save': 'Cadw ar gyfer fy apwyntiad',
  'ask.saved': "Wedi'i gadw yn eich cwestiynau ar gyfer eich apwyntiad.",
  'list.title': 'Cwestiynau ar gyfer fy apwyntiad',
  'list.remove': 'Tynnu',
  'list.removeLabel': 'Tynnu: {question}',
  'list.print': 'Argraffu fy nghwestiynau',
  'care.non-urgent': "Cyngor nad yw'n frys:",
  'care.urgent': 'Cyngor brys:',
  'care.emergency': 'Mae angen gweithredu ar unwaith:',
  'region.head': 'pen',
  'region.neck': 'gwddf',
  'region.chest': 'brest',
  'region.abdomen': 'bol',
  'region.pelvis': "pelfis (rhan isaf y bol a'r cluniau)",
  'region.spine': 'asgwrn cefn',
  'region.arm': 'braich',
  'region.hand': 'llaw',
  'region.leg': 'coes',
  'region.knee': 'pen-glin',
  'region.foot': 'troed',
  'region.whole-body': 'corff cyfan',
  // --- branch portal-dev ---
  'error.engine-failed': "Aeth rhywbeth o'i le ar ein hochr ni, felly allwn ni ddim dangos eich delwedd ar hyn o bryd. Rhowch gynnig arall arni, neu dewch yn ôl yn nes ymlaen.",
  // --- branch safety-phone --- (draft, awaiting review like the rest)
  'layer.showInList': 'Dangos yn y rhestr',
  'layer.pictureShown': "Mae delwedd {index} i'w gweld nawr.",
  'layer.noneHere': "Does dim labeli ar y ddelwedd hon. Mae {count} label ar ddelweddau eraill.",
  'layer.noneHereOne': "Does dim labeli ar y ddelwedd hon. Mae 1 label ar ddelwedd arall.",
  // --- branch lay-report ---
  'report.title': 'Adroddiad eich radiolegydd',
  'report.statement':
    "Radiolegydd ysgrifennodd yr adroddiad hwn. Meddyg sy'n darllen sganiau yw radiolegydd. Fe'i hysgrifennodd ar gyfer y person a ofynnodd am eich sgan, felly mae'n defnyddio geiriau meddygol. Bydd y person hwnnw'n egluro beth mae'n ei olygu i chi.",
  'report.howTo': "Mae llinell ddotiog o dan rai geiriau. Dewiswch un i weld beth mae'n ei olygu.",
  'report.explainedBy': 'Eglurwyd gan {trust} ar {date}.',
  'report.explainedGeneral': "Mae ystyron y geiriau yn gyffredinol. Nid ydynt yn dweud beth mae eich adroddiad yn ei olygu i chi.",
  'report.original': 'Yn yr adroddiad: {heading}',
  'report.section.findings': "Beth ddangosodd y sgan",
  'report.section.impression': "Beth mae'n ei olygu",
  'report.section.comparison': "O'i gymharu â sganiau cynharach",
  'report.section.history': 'Pam cawsoch chi’r sgan',
  'report.section.technique': 'Sut y gwnaed y sgan',
  'report.showImage': 'Dangos delwedd {index}',
  'report.imageShown': 'Mae delwedd {index} yn cael ei dangos nawr.',
  'report.imageMissing': "Nid yw delwedd {index} yn y set hon o ddelweddau.",
  'report.meaningOf': 'Beth mae "{words}" yn ei olygu',
  'report.askWhich': "Am ba ran o'r adroddiad mae eich cwestiwn?",
  'report.loading': "Wrthi'n llwytho eich adroddiad",
  'report.errorTitle': "Mae'n ddrwg gennym, ni allwn ddangos eich adroddiad",
  'report.error.network': "Nid oeddem yn gallu llwytho eich adroddiad. Gwiriwch eich cysylltiad â'r rhyngrwyd, yna rhowch gynnig arall arni.",
  'report.error.unauthorised': 'Nid oeddem yn gallu llwytho eich adroddiad oherwydd bod angen i chi fewngofnodi eto.',
  'report.error.not-found': "Nid oeddem yn gallu dod o hyd i'ch adroddiad. Efallai ei fod wedi cael ei symud.",
  'report.error.server': "Mae problem gyda'r gwasanaeth adroddiadau. Rhowch gynnig arall arni yn nes ymlaen.",
  'report.error.timeout': "Mae eich adroddiad yn cymryd gormod o amser i lwytho. Rhowch gynnig arall arni yn nes ymlaen.",
  'report.error.too-large': "Mae eich adroddiad yn rhy fawr i'w ddangos yma.",
  'report.error.not-text': "Nid yw'r ffeil hon yn adroddiad y gallwn ei ddangos. Gofynnwch i'r tîm a wnaeth eich sgan am gopi.",
  'report.error.malformed': "Nid oeddem yn gallu darllen eich adroddiad. Gofynnwch i'r tîm a wnaeth eich sgan am gopi.",
  'report.error.sensitive-not-found': "Bydd eich adroddiad yn ymddangos yma pan fyddwch yn dewis ei weld.",
  'report.truncated': "Mae'r adroddiad hwn yn hir iawn. Dim ond y rhan gyntaf sy'n cael ei dangos yma.",
  // --- branch dicom-cases ---
  'error.unsupported-image': "Delwedd go iawn yw hon, ond mae wedi'i chadw mewn ffordd na allwn ei hagor eto. Gall eich tîm gofal ei dangos i chi.",
  'error.unsupported-video': "Delwedd symudol (clip fideo) yw hon. Ni allwn chwarae'r math hwn o ddelwedd yma eto. Gall eich tîm gofal ei dangos i chi.",
  hideMarks: 'Cuddio marciau',
  marksNotice: "Mae marciau ar y llun hwn, fel saethau neu eiriau. Cawsant eu hychwanegu gan y person a edrychodd ar eich sgan. Gallwch eu cuddio.",
  // --- branch keyboard-sr ---
  'list.removed': "Cwestiwn wedi'i dynnu.",
  'ask.sentTitle': "Cwestiwn wedi'i anfon",
  'ask.sentTo': "Mae eich cwestiwn wedi cael ei anfon at: {recipient}.",
  'ask.recipient': 'eich tîm gofal',
  'ask.youAsked': 'Gofynnoch chi:',
  'ask.nextSteps': "Byddan nhw'n ei ddarllen ac yn dod yn ôl atoch chi. Os ydych chi'n teimlo'n sâl neu'n poeni, cysylltwch â'ch meddygfa neu ffoniwch 111.",
  'ask.savedTitle': "Cwestiwn wedi'i gadw",
  'ask.savedWhere': "Mae yn eich cwestiynau ar gyfer eich apwyntiad, yn is i lawr y dudalen hon. Gallwch eu hargraffu i fynd â nhw gyda chi.",
  panGroup: "Symud y llun",
  panUp: 'Symud i fyny',
  panDown: 'Symud i lawr',
  panLeft: "Symud i'r chwith",
  panRight: "Symud i'r dde",
  'layer.readMoreTitle': '{title} ar {site}',
  'layer.readMoreSite': 'Darllen amdano ar {site}',
  'site.nhs': 'wefan y GIG (yn Saesneg)',
  'site.111': 'wefan GIG 111 (yn Saesneg)',
  'site.patient': 'wefan Patient.info (yn Saesneg)',
  // --- issue 15 poster ---
  controlsGettingReady: "Mae eich delwedd yn barod. Mae'r rheolyddion yn cael eu paratoi.",
  // --- issue 16 study --- (draft Welsh, awaiting review like the rest of this file)
  'study.title': 'Eich delweddau',
  'study.keyTitle': "Delweddau a ddewiswyd gan eich tîm gofal",
  'study.allTitle': "Pob delwedd yn y sgan hwn",
  'study.keyItem': 'Delwedd a ddewiswyd {index}: {title}',
  'study.count': '{count} delwedd',
  'study.countOne': '1 ddelwedd',
  'study.left': "Nid delweddau yw {count} eitem yn y sgan hwn, fel adroddiadau.",
  'study.leftOne': "Nid delwedd yw 1 eitem yn y sgan hwn, fel adroddiad.",
  'study.empty': "Nid oes gan y sgan hwn ddelweddau y gallwn eu dangos. Efallai fod ynddo adroddiadau neu wybodaeth arall.",
  'study.keyMissing': "Ni allem ddod o hyd i {count} o'r delweddau a ddewiswyd gan eich tîm gofal.",
  'study.back': "Yn ôl i'r rhestr o ddelweddau",
  'study.moreDetail': 'Rhagor o fanylion',
  'study.planning': "Delwedd trosolwg, i leoli'r sgan",
  'study.view.front': "Golwg o'r blaen",
  'study.view.side': "Golwg o'r ochr",
  'study.view.angled': 'Golwg ar ongl',
  'study.plane.side': "wedi'i gweld o'r ochr",
  'study.plane.front': "wedi'i gweld o'r blaen",
  'study.plane.top': "wedi'i gweld o uwchben",
  'study.ct.thin': 'Sleisys main, i weld manylion bach',
  'study.ct.thick': "Sleisys mwy trwchus, llai i edrych drwyddynt",
  'study.mr.t1': 'Braster yn edrych yn olau',
  'study.mr.t2': 'Hylif yn edrych yn olau',
  'study.mr.pd': 'Yn dangos manylion',
  'study.mr.fatDark': "Braster wedi'i wneud yn dywyll, yn dangos chwyddo",
  'study.mr.fatMade': "Braster wedi'i wneud yn dywyll",
  'study.mr.flair': "Hylif wedi'i wneud yn dywyll, yn dangos chwyddo",
  'study.mr.dwi': "Yn dangos sut mae dŵr yn symud",
  // --- issue 17 carer --- (draft, awaiting review like the rest)
  signedOut: "Wedi allgofnodi. Mewngofnodwch eto i weld hyn.",
  // --- issue 17 app --- (Welsh awaiting review by a Welsh speaker)
  'copy.title': 'Cadw copi',
  'copy.savePicture': "Cadw'r ddelwedd hon",
  'copy.caption': '{description}, wedi ei gadw ar {date}',
  'copy.saved': "Mae eich copi wedi'i gadw.",
  'copy.failed': "Mae'n ddrwg gennym, nid oeddem yn gallu cadw copi. Rhowch gynnig arall arni nes ymlaen.",
  'copy.saveQuestions': 'Cadw fy nghwestiynau',
  'copy.shareLegend': 'Rhannu gyda meddyg',
  'copy.shareImage': 'Y ddelwedd hon',
  'copy.shareSeries': 'Yr holl ddelweddau yn y set hon',
  'copy.shareStudy': "Y sgan cyfan",
  'copy.share': 'Gofyn am gael rhannu',
  'copy.shareAsked': "Rydym wedi anfon eich cais i rannu ymlaen.",
  // --- issue 16 study2 --- (draft Welsh, awaiting review like the rest of this file)
  'layer.inSeries': "Mewn delweddau eraill o'r sgan hwn",
  'layer.showSeries': 'Ewch at y set: {set}',
} as const satisfies Catalogue;

/** Month names, January first, for browsers whose Intl has no Welsh (see `formatDate`). */
export const monthsCy: readonly string[] = [
  'Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin',
  'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr',
];

/** The `{name}` placeholders in a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Keys whose Welsh placeholders differ from the English ones: must be none. */
type Mismatched = {
  [K in MessageKey]: Same<Placeholders<(typeof cy)[K]>, Placeholders<(typeof enGB)[K]>> extends true ? never : K;
}[MessageKey];
type MustBeNever<T extends never> = T;
/** Compile-time check: a Welsh template with other placeholders than its English one fails here, naming the key. */
export type PlaceholderCheck = MustBeNever<Mismatched>;
