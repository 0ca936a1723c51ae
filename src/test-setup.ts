import '@testing-library/jest-dom/vitest'
// jsdom lacks ResizeObserver, which Radix (switch, tooltip) measures with.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}
// jsdom lacks matchMedia, which the charts (uPlot) read the pixel ratio and theme with.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList
}
// jsdom has no canvas to draw on: the charts' uPlot is a stand-in that draws nothing. What a chart says is tested
// through its text alternative (the data table beside it) and in Chromium by the e2e suite.
vi.mock('uplot', () => {
  class InertPlot {
    static pxRatio = 1
    static paths = { bars: () => () => null }
    setSize() {}
    setData() {}
    destroy() {}
  }
  return { default: InertPlot }
})
