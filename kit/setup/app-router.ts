import type { Router } from 'vue-router'
import { shallowRef } from 'vue'

/** The app's router, kept by setup/main.ts for the setups Slidev gives none (setup/monaco.ts). */
export const appRouter = shallowRef<Router>()
