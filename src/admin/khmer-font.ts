import bold from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2';
import regular from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2';

/** Khmer letters, signs and symbols, and the joiners and dotted circle Khmer text uses. */
const KHMER = 'U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC';

/*
 * The design system's font stack has no Khmer font, so Khmer would be drawn in whatever the
 * editor's computer falls back to (boxes on many). Noto Sans Khmer, bundled with the panel (no font
 * service is contacted), is limited to Khmer characters: Latin text keeps the usual fonts.
 */
const CSS = `
html body {
  font-family: 'Noto Sans Khmer', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Oxygen, Ubuntu, Cantarell,
    'Open Sans', 'Helvetica Neue', sans-serif;
}
/*
 * Khmer stacks consonants (ស្ត្រី, ក្ស្ម): in Noto Sans Khmer at 14 px such a line is 20 px tall
 * from its highest vowel sign to its lowest subscript, which fills the design system's line
 * height (1.43-1.5: 20-21 px) with no space left, so stacks of one line touch the vowels of the
 * next. The rich-text (blocks) editor sets a line height on its elements, hence the selector on
 * all of them.
 */
[data-slate-editor] *, textarea {
  line-height: 1.8 !important;
}
`;

/**
 * Registers the font with the browser from the panel's own assets, and puts it first in the
 * panel's font stack. (The build does not link the panel's CSS files, so this is done from code.)
 */
export const loadKhmerFont = (): void => {
  for (const [url, weight] of [
    [regular, '400'],
    [bold, '700'],
  ]) {
    document.fonts.add(new FontFace('Noto Sans Khmer', `url(${url}) format('woff2')`, { weight, unicodeRange: KHMER, display: 'swap' }));
  }
  const style = document.createElement('style');
  style.dataset.habitat = 'khmer-font';
  style.textContent = CSS;
  document.head.append(style);
};
