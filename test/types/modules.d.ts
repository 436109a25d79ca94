// Test-only packages that ship no types: the tests use only these functions.
declare module 'dcmjs' {
  const dcmjs: {
    data: {
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): { dict: Record<string, unknown> } };
      DicomMetaDictionary: { naturalizeDataset(dict: Record<string, unknown>): Record<string, unknown> };
    };
  };
  export default dcmjs;
}

declare module 'text-readability' {
  const rs: { fleschKincaidGrade(text: string): number; fleschReadingEase(text: string): number };
  export default rs;
}
