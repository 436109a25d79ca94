/**
 * The "For your care team" demo page's script (plain JavaScript, loaded as a file: the page's Content
 * Security Policy allows no inline scripts). When the chest X-ray is shown, the editor opens the
 * radiologist's presentation state (data/chest-xray-gsps.dcm, made-up, written by `npm start`) as
 * draft labels; "Save for the patient" gives the saved document to the patient's layer below.
 */
const editor = /** @type {HTMLElement & { value: unknown, openDrafts(url: string): Promise<number> }} */ (document.getElementById('editor'));
const editorViewer = /** @type {HTMLElement} */ (document.getElementById('editor-viewer'));
const patientSection = /** @type {HTMLElement} */ (document.getElementById('patient-section'));
const patientLayer = /** @type {HTMLElement & { annotations: unknown }} */ (document.getElementById('patient-layer'));
const saved = /** @type {HTMLElement} */ (document.getElementById('saved'));
const started = performance.now();

editorViewer.addEventListener(
  'pv-load',
  async () => {
    await customElements.whenDefined('lay-annotation-editor');
    await editor.openDrafts('data/chest-xray-gsps.dcm');
  },
  { once: true },
);

document.getElementById('save')?.addEventListener('click', () => {
  const document_ = /** @type {{ labels: unknown[] }} */ (editor.value);
  patientLayer.annotations = document_;
  patientSection.hidden = false;
  const minutes = ((performance.now() - started) / 60000).toFixed(1);
  saved.textContent = `Saved ${document_.labels.length} label(s) for the patient, ${minutes} minutes after the page opened.`;
});
