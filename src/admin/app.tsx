import { loadKhmerFont } from './khmer-font';

/** The admin panel as editors and translators use it (see khmer-font.ts). */
export default {
  config: {
    locales: [],
  },
  bootstrap() {
    loadKhmerFont();
  },
};
