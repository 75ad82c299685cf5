// The look: a calm navy (police blue) with a gold accent. Shades are chosen so that every text/background
// pair Mantine derives from them passes WCAG AA (4.5:1): filled buttons use shade 8, "light" badges shade 9
// on shade 1, and dimmed text is gray 7 instead of Mantine's lighter gray 6. Cards stay white on a gray-0 page.
import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core'

const navy: MantineColorsTuple = [
  '#eef2fb',
  '#dbe2f3',
  '#b4c3e6',
  '#8aa2d9',
  '#6886cd',
  '#5274c7',
  '#456ac5',
  '#3659ad',
  '#2c4e9b',
  '#17306b',
]

const gold: MantineColorsTuple = [
  '#fff9e1',
  '#fff1cb',
  '#ffe29a',
  '#ffd264',
  '#fec538',
  '#febc1c',
  '#feb807',
  '#e2a100',
  '#c98f00',
  '#6b4c00',
]

// Mantine's "light" variant writes shade 9 on shade 1; for green and orange that is under 4.5:1. A quarter
// darker passes for every palette while keeping the hue.
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input)
  if (input.variant !== 'light') return colors
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme })
  const tuple = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined
  return tuple ? { ...colors, color: darken(tuple[9], 0.25) } : colors
}

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'navy',
  primaryShade: 8,
  colors: { navy, gold },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { variant: 'light' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
  },
})

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    // Mantine's red 6 for field errors is 3.6:1 on white; this red is 6:1.
    '--mantine-color-error': '#b42323',
    // Status text on white or light tints (approved / rejected, in force): AA-contrast greens and reds.
    '--verbond-success-text': '#1e6b30',
    '--verbond-danger-text': '#a51d1d',
  },
  dark: {},
})
