// The `xliff` package (a CAT tool's XLIFF reader, used to check exports) ships no types.
declare module 'xliff' {
  type XliffElement = { type: string; name?: string; text?: string; attributes?: Record<string, string>; elements?: XliffElement[] };
  type XliffUnit = { source: unknown; target?: unknown; additionalElements?: XliffElement[] };
  export function xliff12ToJs(
    xml: string,
    options?: Record<string, unknown>
  ): Promise<{ sourceLanguage: string; targetLanguage: string; resources: Record<string, Record<string, XliffUnit>> }>;
}
