import vm from 'vm';

/**
 * `import()` of an ESM-only package from this CommonJS build, where TypeScript would turn a written
 * `import()` into `require()`. A Function body keeps the real `import()`, resolved from this file.
 * Where the app itself runs inside a vm context without a module loader (jest runs it so), that
 * `import()` is refused, and Node's main-context loader (resolving from the working directory,
 * the app's root there) is used instead.
 */
export const importEsm = async <Module>(specifier: string): Promise<Module> => {
  try {
    return await (new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Module>)(specifier);
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) throw error;
    const load = vm.runInThisContext('(specifier) => import(specifier)', {
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    }) as (specifier: string) => Promise<Module>;
    return load(specifier);
  }
};
