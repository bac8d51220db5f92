/**
 * How the kit runs its TypeScript scripts: Node's own type stripping (on by
 * default from Node 22.18; the flag turns it on for 22.12 to 22.17), without
 * the warning that it is experimental. package.json spells out the same flags.
 */
export const TYPESCRIPT_NODE_FLAGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning']
