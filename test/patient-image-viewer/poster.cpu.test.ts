import { posterTests } from './poster-cases.js';

posterTests('CPU');
