// Cornerstone's mesh cache reaches vtk.js's XML poly-data reader, which needs Node's `events`
// module in the browser. Stack viewports never read meshes, so the reader is aliased to this stub
// (see vite.config.ts); it also keeps ~79 KiB of XML libraries out of the imaging chunk.
const vtkXMLPolyDataReader = {
  newInstance(): never {
    throw new Error('patient-image-viewer does not read VTK XML meshes');
  },
  extend(): void {},
};
export default vtkXMLPolyDataReader;
