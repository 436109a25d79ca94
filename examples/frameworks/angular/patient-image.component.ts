// Angular (npm install patient-image-viewer). Not compiled by this repository's CI (Angular is not
// one of its dependencies). CUSTOM_ELEMENTS_SCHEMA lets the template use the elements; `[src]` sets
// the property and `(pv-error)` listens to the event.
import { Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, Input, ViewChild, type AfterViewInit } from '@angular/core';
import 'patient-image-viewer/define.js';
import type { PatientImageViewer, PvErrorEvent } from 'patient-image-viewer';

@Component({
  selector: 'app-patient-image',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <finding-disclosure [attr.modality]="modality" [attr.study-key]="studyKey" storage="session">
      <patient-image-viewer #viewer [src]="src" (pv-error)="onError($event)">
        <lay-annotation-layer [src]="labels"></lay-annotation-layer>
      </patient-image-viewer>
    </finding-disclosure>
  `,
})
export class PatientImageComponent implements AfterViewInit {
  @Input({ required: true }) studyKey!: string;
  @Input({ required: true }) modality!: string;
  @Input({ required: true }) src!: string;
  @Input({ required: true }) labels!: string;
  @Input({ required: true }) getToken!: () => Promise<string>;
  @ViewChild('viewer') viewer!: ElementRef<PatientImageViewer>;

  ngAfterViewInit(): void {
    // A property only, never an attribute: the token never appears in the page's HTML.
    this.viewer.nativeElement.requestHeaders = async () => ({ Authorization: `Bearer ${await this.getToken()}` });
  }

  onError(event: Event): void {
    console.warn('Image error', (event as PvErrorEvent).detail.type);
  }
}
