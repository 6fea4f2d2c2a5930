import { notFound } from 'next/navigation';

/** Any other address under a language: the 404 page, in that language. */
export default function Missing(): never {
  notFound();
}
