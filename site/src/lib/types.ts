/** The REST shapes this site reads (see shared content model). Only the fields the site shows. */
import type { Block } from '@/components/Blocks';

export interface Entry {
  id: number;
  documentId: string;
  slug: string;
  locale: string;
  publishedAt?: string | null;
  updatedAt?: string;
  localizations?: Array<{ locale: string }>;
}

export interface Media {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  name: string;
  mime?: string;
  size?: number;
  formats?: Record<string, { url: string; width: number; height: number }> | null;
}

export interface Seo {
  metaTitle: string | null;
  metaDescription: string | null;
  shareImage: Media | null;
}

export interface Country extends Entry {
  name: string;
  isoCode: string | null;
  kind: 'country' | 'region';
  menuOrder: number;
  overview?: Block[] | null;
  projects?: Project[];
}

export interface Partner extends Entry {
  name: string;
  acronym: string | null;
  kind: string;
  website: string | null;
  description?: string | null;
  logo?: Media | null;
}

export interface Theme extends Entry {
  name: string;
}

export interface KeyFigure {
  id: number;
  value: number;
  label: string;
  qualifier: 'exact' | 'approx' | 'more-than' | null;
}

export interface Project extends Entry {
  title: string;
  projectStatus?: 'planned' | 'ongoing' | 'completed';
  location: string | null;
  startYear: number | null;
  endYear: number | null;
  summary: string | null;
  background?: Block[] | null;
  objectives?: Block[] | null;
  results?: Block[] | null;
  keyFigures?: KeyFigure[];
  totalCost?: { amount: number | null; currency: string | null } | null;
  countries?: Country[];
  partners?: Partner[];
  donors?: Partner[];
  programme?: Programme | null;
  themes?: Theme[];
  cover?: Media | null;
  publications?: Publication[];
  galleries?: PhotoGallery[];
  voices?: Voice[];
  seo?: Seo | null;
}

export interface Programme extends Entry {
  title: string;
  acronym: string | null;
  summary: string | null;
  body?: Block[] | null;
  countries?: Country[];
  partners?: Partner[];
  projects?: Project[];
}

export interface FileDownload {
  id: number;
  label: string | null;
  language: string | null;
  file: Media | null;
}

export interface Publication extends Entry {
  title: string;
  kind: string | null;
  year: number | null;
  pages: number | null;
  isbn: string | null;
  hsNumber: string | null;
  publisher: string | null;
  summary: string | null;
  cover?: Media | null;
  files?: FileDownload[];
  countries?: Country[];
  projects?: Project[];
}

export interface Speech extends Entry {
  title: string;
  speaker: string | null;
  speakerTitle: string | null;
  eventName: string | null;
  eventPlace: string | null;
  deliveredOn: string | null;
  body?: Block[] | null;
}

export interface Vacancy extends Entry {
  title: string;
  referenceNumber: string | null;
  dutyStation: string | null;
  contractType: string | null;
  grade: string | null;
  postedOn: string | null;
  closesAt: string;
  description?: Block[] | null;
  howToApply?: Block[] | null;
  attachment?: Media | null;
  country?: Country | null;
}

export interface Photo {
  id: number;
  image: Media | null;
  caption: string | null;
  location: string | null;
  credit: string | null;
  altText: string | null;
}

export interface PhotoGallery extends Entry {
  title: string;
  description: string | null;
  takenOn: string | null;
  photographer: string | null;
  cover?: Media | null;
  photos?: Photo[];
  country?: Country | null;
  project?: Project | null;
}

export interface Voice extends Entry {
  title: string;
  dateline: string | null;
  date: string | null;
  body?: Block[] | null;
  country?: Country | null;
  project?: Project | null;
}

export interface PageSection {
  __component: string;
  id: number;
  [key: string]: unknown;
}

export interface Page extends Entry {
  title: string;
  body?: Block[] | null;
  sections?: PageSection[];
  seo?: Seo | null;
}

export interface NavLink {
  id: number;
  label: string;
  href: string;
  children?: Array<{ id: number; label: string; href: string }>;
}

export interface Global {
  siteName: string;
  tagline: string | null;
  footer: string | null;
  navigation: NavLink[];
  contact: { address: string | null; phone: string | null; email: string | null } | null;
  locale: string;
}

export interface SearchHit {
  type: string;
  documentId: string;
  slug: string | null;
  title: string;
  snippet: string;
  locale: string;
}
