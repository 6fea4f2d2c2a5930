import path from 'path';
import { mergeConfig, type UserConfig } from 'vite';

/**
 * Strapi 5.54 offers as interface languages only those of its own list of language names
 * (`languageNativeNames`, from which it picks the `config.locales` of app.tsx): Khmer is not in
 * it, so `locales: ['km']` alone would load the Khmer strings but never let anyone choose them.
 * The build resolves that list to language-names.mjs, which is Strapi's list plus Khmer. This is
 * the one place the admin panel's build is changed; remove it once Strapi names Khmer itself.
 */
const strapiNames = path.join(path.dirname(require.resolve('@strapi/admin/package.json')), 'dist', 'admin', 'admin', 'src', 'translations', 'languageNativeNames.mjs');

export default (config: UserConfig): UserConfig =>
  mergeConfig(config, {
    resolve: {
      alias: [
        { find: /^\.\/translations\/languageNativeNames\.mjs$/, replacement: path.join(__dirname, 'language-names.mjs') },
        { find: /^strapi-language-names$/, replacement: strapiNames },
      ],
    },
  });
