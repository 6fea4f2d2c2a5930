import '@fontsource/noto-sans-khmer/khmer-400.css';
import '@fontsource/noto-sans-khmer/khmer-700.css';
import './khmer.css';

/**
 * The admin panel as editors and translators use it: Khmer set in Noto Sans Khmer, bundled with
 * the panel (no font service is contacted), whatever fonts the editor's computer has.
 */
export default {
  config: {
    locales: [],
  },
  bootstrap() {},
};
