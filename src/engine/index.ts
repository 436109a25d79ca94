export { loadEngine, configureEngine, getEngineSettings, isEngineRequested } from './engine.js';
export type { Engine, EngineSettings, RenderingMode, HeaderSource } from './engine.js';
export { StackView, type ViewState } from './stack-view.js';
export { registerStack, type RegisteredStack } from './register.js';
