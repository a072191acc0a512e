import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/**
 * The Fluent theme that matches Office's: dark when Office's body background is dark. Office
 * reports its theme as colours (Office.context.officeTheme), not as a name.
 */
export function themeForBackground(bodyBackgroundColor: string | undefined): Theme {
  if (!bodyBackgroundColor) return webLightTheme;
  const hex = bodyBackgroundColor.replace("#", "");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return webLightTheme;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  // Relative luminance (WCAG 2.x); below the midpoint of the Office themes' backgrounds means dark.
  const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance < 0.2 ? webDarkTheme : webLightTheme;
}
