/** Vite turns an imported font file into the URL of the emitted asset. */
declare module '*.woff2' {
  const url: string;
  export default url;
}
