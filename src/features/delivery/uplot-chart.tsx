import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartColors {
  axis: string
  grid: string
  marker: string
}

export const LIGHT: ChartColors = { axis: '#334155', grid: '#e2e8f0', marker: '#7c3aed' }
export const DARK: ChartColors = { axis: '#cbd5e1', grid: '#334155', marker: '#c4b5fd' }

/** Vertical dashed lines with a numbered tag at each marked day; the numbers are explained in text under the chart. */
function markerPlugin(markers: readonly number[], color: string): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u
        const { top, height } = u.bbox
        ctx.save()
        ctx.strokeStyle = color
        ctx.fillStyle = color
        ctx.lineWidth = 1.5 * uPlot.pxRatio
        ctx.setLineDash([4 * uPlot.pxRatio, 3 * uPlot.pxRatio])
        ctx.font = `${11 * uPlot.pxRatio}px system-ui, sans-serif`
        markers.forEach((ts, i) => {
          const x = Math.round(u.valToPos(ts, 'x', true))
          ctx.beginPath()
          ctx.moveTo(x, top)
          ctx.lineTo(x, top + height)
          ctx.stroke()
          ctx.fillText(String(i + 1), x + 3 * uPlot.pxRatio, top + 12 * uPlot.pxRatio)
        })
        ctx.restore()
      },
    },
  }
}

/**
 * uPlot on a canvas, sized to its container, redrawn when data, options or theme change. The canvas is decoration
 * for screen readers (aria-hidden): every chart has a caption and a data table beside it.
 */
export function UplotChart(props: {
  options: Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  height: number
  markers: readonly number[]
  colors: ChartColors
}) {
  const { options, data, height, markers, colors } = props
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const plot = new uPlot(
      { ...options, width: Math.max(200, el.clientWidth), height, plugins: [markerPlugin(markers, colors.marker)] },
      data,
      el,
    )
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.destroy()
    }
  }, [options, data, height, markers, colors])
  return <div ref={ref} aria-hidden="true" className="w-full" />
}

export function axis(colors: ChartColors, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: colors.axis,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    font: '12px system-ui, sans-serif',
    ...extra,
  }
}

export const bars = uPlot.paths.bars?.({ size: [0.7, 28] })
