/**
 * The view side of the engine, loaded by dynamic import together with Cornerstone itself
 * (see loadParts() in src/controllers/viewer-controller.ts). Engine settings live in engine.ts,
 * which the shell imports statically: it holds no Cornerstone code.
 */
export { StackView, type ViewState } from './stack-view.js';
export { registerStack, type RegisteredStack } from './register.js';
