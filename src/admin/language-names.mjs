// Strapi's list of interface language names, plus Khmer (see vite.config.ts).
import { languageNativeNames as strapiNames } from 'strapi-language-names';

export const languageNativeNames = { ...strapiNames, km: 'ខ្មែរ' };
