/**
 * The carer words in Welsh (cy), for `viewer-role="carer"` (issue 17): only the keys whose words
 * change, over the Welsh catalogue (`messages-cy.ts`); a portal's `messages` win over both.
 *
 * AWAITING REVIEW BY A WELSH SPEAKER, like `messages-cy.ts` (see {@link carerReviewStatus}). A first
 * draft by the project. Notes for the reviewer:
 * - The helper is `chi` (their browser, their question, their choice to look); the patient is `nhw`
 *   ("eu tîm gofal", "gyda nhw", "iddyn nhw").
 * - `eu` and `'u` ("o'u", "â'u") take h before a vowel ("eu hadroddiad", "Eu hochr dde") and no
 *   mutation of consonants.
 * - Placeholders are filled without mutation, so where the patient's words had "o'ch {part}" these
 *   put the part after a colon ("{kind}: {part}"), as `layer.bodyMap` does, rather than risk a
 *   missing h ("o'u asgwrn cefn").
 * - `theirs()` below rewrites the Welsh glossary's meanings by rule (eich/'ch to eu/'u with h before a
 *   vowel; the common `chi` forms to `nhw`): please check its output in test/lay/carer.unit.test.ts.
 *
 * A lazy chunk: loaded only when an element speaks Welsh with the role `carer`.
 */
import { theirs as theirsEnglish } from './messages-carer.js';
import type { Messages } from './messages.js';

/** Review state of these words: `draft` until a Welsh speaker has checked every string. */
export const carerReviewStatus = {
  status: 'draft',
  needsReviewBy: 'a Welsh speaker (ideally a medical translator)',
  reviewedKeys: [] as readonly string[],
} as const;

export const carer = {
  loading: "Yn llwytho'r ddelwedd",
  controlsGettingReady: "Mae'r ddelwedd yn barod. Mae'r rheolyddion yn cael eu paratoi.",
  'copy.saved': "Mae'r copi wedi'i gadw.",
  'copy.saveQuestions': "Cadw'r cwestiynau",
  'copy.shareAsked': "Rydym wedi anfon y cais i rannu ymlaen.",
  'study.title': 'Eu delweddau',
  'study.keyTitle': "Delweddau a ddewiswyd gan eu tîm gofal",
  'study.keyMissing': "Ni allem ddod o hyd i {count} o'r delweddau a ddewiswyd gan eu tîm gofal.",
  loadingProgress: "Yn llwytho'r ddelwedd: {percent}% wedi'i lwytho",
  'error.network': "Doedd dim modd i ni lwytho'r ddelwedd. Gwiriwch eich cysylltiad â'r rhyngrwyd, yna rhowch gynnig arall arni.",
  'error.unauthorised':
    "Doedd dim modd i ni lwytho'r ddelwedd oherwydd bod angen i chi fewngofnodi eto. Mewngofnodwch, yna rhowch gynnig arall arni.",
  'error.timeout': "Mae'r ddelwedd yn cymryd gormod o amser i lwytho. Rhowch gynnig arall arni.",
  'error.engine-failed':
    "Aeth rhywbeth o'i le ar ein hochr ni, felly allwn ni ddim dangos y ddelwedd ar hyn o bryd. Rhowch gynnig arall arni, neu dewch yn ôl yn nes ymlaen.",
  'error.unsupported-image': "Delwedd go iawn yw hon, ond mae wedi'i chadw mewn ffordd na allwn ei hagor eto. Gall eu tîm gofal ei dangos iddyn nhw.",
  'error.unsupported-video':
    "Delwedd symudol (clip fideo) yw hon. Ni allwn chwarae'r math hwn o ddelwedd yma eto. Gall eu tîm gofal ei dangos iddyn nhw.",
  marksNotice: 'Mae marciau ar y llun hwn, fel saethau neu eiriau. Cawsant eu hychwanegu gan y meddyg a edrychodd ar y sgan. Gallwch eu cuddio.',
  'about.xray': 'Delwedd a dynnir mewn eiliad yw pelydr-X. Gall fod un neu ychydig. Mae esgyrn yn edrych yn wyn. Mae aer, fel yn yr ysgyfaint, yn edrych yn dywyll.',
  'about.ct': "Mae sgan CT yn tynnu llawer o ddelweddau pelydr-X, fel sleisys drwy'r corff. Symudwch rhwng delweddau i fynd drwy'r sleisys.",
  'about.mri': "Mae sgan MRI yn defnyddio magnet i dynnu delweddau, fel sleisys drwy'r corff. Symudwch rhwng delweddau i fynd drwy'r sleisys.",
  'about.ultrasound': "Mae sgan uwchsain yn defnyddio tonnau sain i wneud delweddau. Maen nhw'n dangos y tu mewn i'r corff.",
  'about.nuclear':
    "Ar gyfer y sgan hwn cafodd y person olinydd. Meddyginiaeth gydag ychydig bach o ymbelydredd ynddi yw olinydd. Fel arfer mae rhannau o'r corff sy'n cymryd mwy ohoni yn edrych yn fwy golau yma.",
  'about.pet':
    "Ar gyfer sgan PET mae'r person yn cael olinydd. Meddyginiaeth gydag ychydig bach o ymbelydredd ynddi yw olinydd. Mae'n dangos pa mor dda mae rhannau o'r corff yn gweithio.",
  describe: '{kind}: {part}',
  'orientation.yourRight': 'Eu hochr dde',
  'orientation.yourLeft': 'Eu hochr chwith',
  'layer.summaryTitle': 'Beth mae eu hadroddiad yn ei ddweud',
  'layer.labelsTitle': 'Labeli ar eu delwedd',
  'layer.kind.anatomy': "Rhan o'r corff",
  'layer.kind.finding': "O'u hadroddiad",
  'layer.bodyMapCaption': "Mae'r ddelwedd hon yn dangos y rhan hon o'r corff: {part}.",
  'disclosure.title': "Cyn i chi edrych ar ddelweddau'r person",
  'disclosure.whatsComing': "Mae rhan nesaf y dudalen hon yn dangos y delweddau o'u {kind}.",
  'disclosure.show': 'Dangos y delweddau',
  'disclosure.deferred': "Mae eu delweddau wedi'u cuddio. Gallwch edrych arnyn nhw pryd bynnag y byddwch chi'n barod.",
  'disclosure.hide': "Cuddio'r delweddau",
  'disclosure.shownHeading': 'Eu delweddau',
  'disclosure.shown': 'Mae eu delweddau yn dangos nawr.',
  'disclosure.hidden': "Mae eu delweddau wedi'u cuddio.",
  'disclosure.stopped': 'Ni ellir dangos eu delweddau ar hyn o bryd.',
  'sensitive.noticeOne': 'Mae rhywbeth yn eu hadroddiad y mae eu tîm gofal am ei drafod gyda nhw',
  'sensitive.notice': 'Mae {count} peth yn eu hadroddiad y mae eu tîm gofal am eu trafod gyda nhw',
  'sensitive.explain': "Gallwch ddewis ei weld nawr, neu aros a siarad â'u tîm gofal yn gyntaf. Mae'r ddau yn iawn.",
  'sensitive.wait': "Byddaf yn aros i siarad â'u tîm gofal",
  'sensitive.summaryHeld': "Bydd crynodeb eu hadroddiad yn dangos yma pan fyddwch chi'n dewis gweld yr hyn a nododd eu tîm gofal.",
  'sensitive.explainMany':
    "Gallwch ddewis eu gweld un ar y tro, i gyd nawr, neu aros a siarad â'u tîm gofal yn gyntaf. Mae pob un o'r rhain yn iawn.",
  'sensitive.findingName': "Rhan {number} o'u hadroddiad",
  'sensitive.findingShown': 'Mae hwn yn dangos nawr ar eu delwedd ac yn y rhestr o labeli.',
  'sensitive.wrappedHeading': 'Beth mae eu tîm gofal am ei drafod',
  'sensitive.wrappedShown': "Mae'r rhan hon o'u hadroddiad i'w gweld nawr.",
  'ask.suggested1': 'Beth mae hyn yn ei olygu iddyn nhw?',
  'ask.suggested2': 'Oes angen rhagor o brofion arnyn nhw?',
  'ask.sent': 'Mae eich cwestiwn wedi cael ei anfon at eu tîm gofal.',
  'ask.save': 'Cadw ar gyfer eu hapwyntiad',
  'ask.saved': "Wedi'i gadw yn y cwestiynau ar gyfer eu hapwyntiad.",
  'ask.recipient': 'eu tîm gofal',
  'ask.nextSteps':
    "Byddan nhw'n ei ddarllen ac yn dod yn ôl atoch chi. Os yw'r person yn teimlo'n sâl neu os ydych chi'n poeni, cysylltwch â'u meddygfa neu ffoniwch 111.",
  'ask.savedWhere': 'Mae yn y cwestiynau ar gyfer eu hapwyntiad, yn is i lawr y dudalen hon. Gallwch eu hargraffu i fynd â nhw gyda chi.',
  'list.title': 'Cwestiynau ar gyfer eu hapwyntiad',
  'list.print': "Argraffu'r cwestiynau",
  'report.title': 'Adroddiad y radiolegydd',
  'report.statement':
    "Radiolegydd ysgrifennodd yr adroddiad hwn. Meddyg sy'n darllen sganiau yw radiolegydd. Fe'i hysgrifennodd ar gyfer y meddyg a ofynnodd am y sgan, felly mae'n defnyddio geiriau meddygol. Bydd y meddyg hwnnw'n egluro beth mae'n ei olygu i'r person.",
  'report.explainedGeneral': 'Mae ystyron y geiriau yn gyffredinol. Nid ydynt yn dweud beth mae eu hadroddiad yn ei olygu iddyn nhw.',
  'report.section.history': "Pam cawson nhw'r sgan",
  'report.loading': "Wrthi'n llwytho eu hadroddiad",
  'report.errorTitle': "Mae'n ddrwg gennym, ni allwn ddangos eu hadroddiad",
  'report.error.network': "Nid oeddem yn gallu llwytho eu hadroddiad. Gwiriwch eich cysylltiad â'r rhyngrwyd, yna rhowch gynnig arall arni.",
  'report.error.unauthorised': 'Nid oeddem yn gallu llwytho eu hadroddiad oherwydd bod angen i chi fewngofnodi eto.',
  'report.error.not-found': "Nid oeddem yn gallu dod o hyd i'w hadroddiad. Efallai ei fod wedi cael ei symud.",
  'report.error.timeout': 'Mae eu hadroddiad yn cymryd gormod o amser i lwytho. Rhowch gynnig arall arni yn nes ymlaen.',
  'report.error.too-large': "Mae eu hadroddiad yn rhy fawr i'w ddangos yma.",
  'report.error.not-text': "Nid yw'r ffeil hon yn adroddiad y gallwn ei ddangos. Gofynnwch i'r tîm a wnaeth eu sgan am gopi.",
  'report.error.malformed': "Nid oeddem yn gallu darllen eu hadroddiad. Gofynnwch i'r tîm a wnaeth eu sgan am gopi.",
  'report.error.sensitive-not-found': 'Bydd eu hadroddiad yn ymddangos yma pan fyddwch yn dewis ei weld.',
} as const satisfies Messages;

/** `eu` and `'u` put h before a word starting with a vowel (w and y count). */
const withH = (word: string): string => (/^[aeiouwyâêîôûŵŷ]/i.test(word) && !/^h/i.test(word) ? `h${word}` : word);

/** The common `chi` forms and what they become about `nhw` (draft, for review). */
const CHI: readonly [RegExp, string][] = [
  [/\bpan fyddwch chi'n\b/gi, "pan fyddan nhw'n"],
  [/\bbyddwch chi'n\b/gi, "byddan nhw'n"],
  [/\bbyddwch yn\b/gi, "byddan nhw'n"],
  [/\brydych chi'n\b/gi, "maen nhw'n"],
  [/\brydych yn\b/gi, "maen nhw'n"],
  [/\bcawsoch chi\b/gi, 'cawson nhw'],
  [/\bcawsoch\b/gi, 'cawson nhw'],
  [/\bos gallwch\b/gi, 'os gallan nhw'],
  [/\bwrth i chi\b/gi, 'wrth iddyn nhw'],
  [/\bnes i chi\b/gi, 'nes iddyn nhw'],
  [/\bi chi\b/gi, 'iddyn nhw'],
  [/\bgyda chi\b/gi, 'gyda nhw'],
  [/\batoch chi\b/gi, 'atyn nhw'],
  [/\batoch\b/gi, 'atyn nhw'],
  [/\barnoch chi\b/gi, 'arnyn nhw'],
  [/\barnoch\b/gi, 'arnyn nhw'],
];

/**
 * Welsh text written to the patient (a glossary meaning) said about them: `eich X` becomes `eu X`
 * (h before a vowel: "eich afu", "eu hafu"), `i'ch`, `o'ch`, `a'ch`, `â'ch` become `i'w`, `o'u`,
 * `a'u`, `â'u` (`i'w`, as Welsh writes "to their"), and the common `chi` forms become `nhw`.
 * DRAFT, for a Welsh speaker's review.
 */
export function theirs(text: string, english = false): string {
  // An English meaning in a Welsh page (no Welsh for it yet) is rewritten in English.
  if (english) return theirsEnglish(text);
  let out = text;
  for (const [pattern, replacement] of CHI) out = out.replace(pattern, (found) => (found[0] === found[0]!.toUpperCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement));
  out = out.replace(/(?<!\p{L})(E|e)ich\s+(\p{L}+)/gu, (_, e: string, word: string) => `${e}u ${withH(word)}`);
  out = out.replace(/(?<!\p{L})(\p{L}+)['’]ch\s+(\p{L}+)/gu, (_, before: string, word: string) => {
    const to = before.toLowerCase() === 'i' ? `${before}'w` : `${before}'u`;
    return `${to} ${withH(word)}`;
  });
  return out;
}
