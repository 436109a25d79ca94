/**
 * The identifying values in a DICOM file: every attribute of the DICOM PS3.15 Basic Application
 * Level Confidentiality Profile (Table E.1-1) that is present, at any depth (sequences included),
 * with person names also split into their parts and dates also in the spellings a page might use.
 * The privacy tests look for each of them wherever the elements could expose it.
 */
import dcmjs from 'dcmjs';

/** Attribute keywords of the PS3.15 Basic Profile whose values could identify a patient, a visit, staff or a place. */
export const BASIC_PROFILE: readonly string[] = Object.freeze([
  'AccessionNumber', 'AcquisitionComments', 'AcquisitionDate', 'AcquisitionDateTime', 'AcquisitionDeviceProcessingDescription',
  'AcquisitionProtocolDescription', 'AcquisitionTime', 'ActualHumanPerformersSequence', 'AdditionalPatientHistory', 'AdmissionID',
  'AdmittingDate', 'AdmittingDiagnosesDescription', 'AdmittingTime', 'Allergies', 'Arbitrary', 'AuthorObserverSequence',
  'BranchOfService', 'CassetteID', 'CommentsOnThePerformedProcedureStep', 'ConfidentialityConstraintOnPatientDataDescription',
  'ContentCreatorName', 'ContentDate', 'ContentTime', 'ContributionDescription', 'CountryOfResidence', 'CurrentPatientLocation',
  'CustodialOrganizationSequence', 'DerivationDescription', 'DetectorID', 'DeviceSerialNumber', 'DeviceUID', 'DigitalSignatureUID',
  'DischargeDiagnosisDescription', 'DistributionAddress', 'DistributionName', 'EthnicGroup', 'FrameComments', 'FrameOfReferenceUID',
  'GantryID', 'GeneratorID', 'HumanPerformerName', 'HumanPerformerOrganization', 'IdentifyingComments', 'ImageComments',
  'ImagePresentationComments', 'ImagingServiceRequestComments', 'Impressions', 'InstanceCreatorUID', 'InstitutionAddress',
  'InstitutionCodeSequence', 'InstitutionName', 'InstitutionalDepartmentName', 'InsurancePlanIdentification',
  'InterpretationAuthor', 'InterpretationDiagnosisDescription', 'InterpretationIDIssuer', 'InterpretationRecorder',
  'InterpretationText', 'InterpretationTranscriber', 'IrradiationEventUID', 'IssuerOfAdmissionID', 'IssuerOfPatientID',
  'LastMenstrualDate', 'MedicalAlerts', 'MedicalRecordLocator', 'MilitaryRank', 'ModifiedImageDescription', 'ModifyingDeviceID',
  'NameOfPhysiciansReadingStudy', 'NamesOfIntendedRecipientsOfResults', 'Occupation', 'OperatorIdentificationSequence',
  'OperatorsName', 'OrderCallbackPhoneNumber', 'OrderEnteredBy', 'OrderEntererLocation', 'OtherPatientIDs',
  'OtherPatientIDsSequence', 'OtherPatientNames', 'OverlayComments', 'ParticipantSequence', 'PatientAddress', 'PatientAge',
  'PatientBirthDate', 'PatientBirthName', 'PatientBirthTime', 'PatientComments', 'PatientID', 'PatientInstitutionResidence',
  'PatientMotherBirthName', 'PatientName', 'PatientReligiousPreference', 'PatientSize', 'PatientState',
  'PatientTelecomInformation', 'PatientTelephoneNumbers', 'PatientTransportArrangements', 'PatientWeight', 'PerformedLocation',
  'PerformedProcedureStepDescription', 'PerformedProcedureStepEndDate', 'PerformedProcedureStepID',
  'PerformedProcedureStepStartDate', 'PerformedStationAETitle', 'PerformedStationName', 'PerformingPhysicianName',
  'PersonAddress', 'PersonName', 'PersonTelephoneNumbers', 'PhysicianApprovingInterpretation', 'PhysiciansOfRecord', 'PlateID',
  'PreMedication', 'ProtocolName', 'ReasonForTheImagingServiceRequest', 'ReasonForStudy', 'ReferencedPatientAliasSequence',
  'ReferencedSOPInstanceUID', 'ReferringPhysicianAddress', 'ReferringPhysicianName', 'ReferringPhysicianTelephoneNumbers',
  'RegionOfResidence', 'RequestAttributesSequence', 'RequestedContrastAgent', 'RequestedProcedureComments',
  'RequestedProcedureDescription', 'RequestedProcedureID', 'RequestedProcedureLocation', 'RequestingPhysician',
  'RequestingService', 'ResponsibleOrganization', 'ResponsiblePerson', 'ResultsComments', 'ResultsIDIssuer',
  'ScheduledPatientInstitutionResidence', 'ScheduledPerformingPhysicianName', 'ScheduledProcedureStepDescription',
  'ScheduledProcedureStepEndDate', 'ScheduledProcedureStepLocation', 'ScheduledProcedureStepStartDate',
  'ScheduledStationAETitle', 'ScheduledStationName', 'ScheduledStudyLocation', 'SeriesDate', 'SeriesDescription',
  'SeriesInstanceUID', 'SeriesTime', 'ServiceEpisodeDescription', 'ServiceEpisodeID', 'SmokingStatus', 'SOPInstanceUID',
  'SourceImageSequence', 'SpecialNeeds', 'StationName', 'StorageMediaFileSetUID', 'StudyComments', 'StudyDate',
  'StudyDescription', 'StudyID', 'StudyIDIssuer', 'StudyInstanceUID', 'StudyTime', 'TextComments', 'TextString',
  'TopicAuthor', 'TopicKeywords', 'TopicSubject', 'TopicTitle', 'UID', 'VerifyingObserverName', 'VerifyingOrganization',
  'VisitComments',
]);

const PROFILE = new Set(BASIC_PROFILE);

interface Named {
  Alphabetic?: string;
}

/** Values this short are not checked: they would match ordinary words and numbers ("M", "045Y" is kept). */
const MIN_LENGTH = 4;

/** The identifying strings in a DICOM Part 10 file (see the module comment). */
export function identifyingValues(buffer: ArrayBuffer): string[] {
  const dict = dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: true, untilTag: '7FE00010' });
  const data = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict) as Record<string, unknown>;
  const values = new Set<string>();
  const add = (v: string) => {
    const s = v.replace(/\0/g, '').trim();
    if (s.length >= MIN_LENGTH) values.add(s);
  };
  const take = (value: unknown, depth: number): void => {
    if (value === undefined || value === null || value === '' || depth > 20) return;
    if (Array.isArray(value)) return value.forEach((v) => take(v, depth + 1));
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return;
    if (typeof value === 'object') {
      const named = (value as Named).Alphabetic;
      if (typeof named === 'string') {
        add(named);
        // Person names: each part on its own too (family name, given name).
        for (const part of named.split(/[\^=]+/)) add(part);
        return;
      }
      // An item of a sequence the profile names: everything in it.
      for (const inner of Object.values(value as Record<string, unknown>)) take(inner, depth + 1);
      return;
    }
    const text = String(value);
    add(text);
    if (/^\d{8}$/.test(text)) {
      add(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`);
      add(`${text.slice(6)}/${text.slice(4, 6)}/${text.slice(0, 4)}`);
    }
  };
  const visit = (dataset: Record<string, unknown>, depth: number): void => {
    if (depth > 20) return;
    for (const [key, value] of Object.entries(dataset)) {
      if (PROFILE.has(key)) take(value, depth);
      else if (Array.isArray(value)) {
        // Sequences the profile does not name can still hold attributes it does.
        for (const item of value) if (item && typeof item === 'object' && !ArrayBuffer.isView(item)) visit(item as Record<string, unknown>, depth + 1);
      }
    }
  };
  visit(data, 0);
  return [...values];
}

/**
 * Whether `secret` appears in `text` (case does not matter). A short plain word ("TEXT", "HEAD")
 * counts only as a whole word, so the library's own words ("burnedInText") are not taken for it.
 */
export function appearsIn(secret: string, text: string): boolean {
  if (/^[A-Za-z]{4,6}$/.test(secret)) return new RegExp(`(?<![A-Za-z])${secret}(?![A-Za-z])`, 'i').test(text);
  return text.toLowerCase().includes(secret.toLowerCase());
}
