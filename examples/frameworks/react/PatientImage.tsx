// React 19 (npm install patient-image-viewer). React 19 sets properties on custom elements, so
// `src` and `alt` can be props; set `requestHeaders` (never an attribute) through a ref.
import { useEffect, useRef, type HTMLAttributes, type Ref } from 'react';
import 'patient-image-viewer/define.js';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer, PvErrorEvent } from 'patient-image-viewer';

type ElementProps<T, Props> = HTMLAttributes<T> & Props & { ref?: Ref<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'finding-disclosure': ElementProps<FindingDisclosure, { modality?: string; 'study-key'?: string; storage?: 'memory' | 'session' | 'local'; 'talk-href'?: string }>;
      'patient-image-viewer': ElementProps<PatientImageViewer, { src?: string; alt?: string; loading?: 'lazy' | 'eager' }>;
      'lay-annotation-layer': ElementProps<LayAnnotationLayer, { src?: string }>;
    }
  }
}

export interface PatientImageProps {
  studyKey: string;
  modality: string;
  src: string;
  labels: string;
  getToken: () => Promise<string>;
  onError?: (type: string) => void;
}

export function PatientImage({ studyKey, modality, src, labels, getToken, onError }: PatientImageProps) {
  const viewer = useRef<PatientImageViewer>(null);

  useEffect(() => {
    const element = viewer.current;
    if (!element) return;
    element.requestHeaders = async () => ({ Authorization: `Bearer ${await getToken()}` });
    const handleError = (event: PvErrorEvent) => onError?.(event.detail.type);
    element.addEventListener('pv-error', handleError);
    return () => element.removeEventListener('pv-error', handleError);
  }, [getToken, onError]);

  return (
    <finding-disclosure modality={modality} study-key={studyKey} storage="session">
      <patient-image-viewer ref={viewer} src={src}>
        <lay-annotation-layer src={labels} />
      </patient-image-viewer>
    </finding-disclosure>
  );
}
