import '@testing-library/jest-dom/vitest'
// jsdom lacks ResizeObserver, which Radix (switch, tooltip) measures with.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}
