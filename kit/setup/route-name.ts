import { shallowRef } from 'vue'

/** The name of the route the app shows, kept by setup/main.ts for the setups Slidev gives no router (setup/monaco.ts). */
export const routeName = shallowRef<string | symbol | undefined>()
