// Stands in for @kitware/vtk.js/IO/XML/XMLPolyDataReader (see vite.config.js).
export default {
  newInstance() {
    throw new Error('VTK XML meshes are not read here');
  },
  extend() {},
};
