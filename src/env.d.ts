/** crxjs: importing a script with `?script&iife` yields the built file's path, for scripting.executeScript. */
declare module '*?script&iife' {
  const path: string;
  export default path;
}
