/** The speaker's phone remote's route (kit/setup/routes.ts): two big buttons that step the presenter view that drives. */
export const REMOTE_ROUTE_NAME = 'remote'
