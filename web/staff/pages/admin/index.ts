/** The administration pages (docs/architecture.md), one module per section. */
export { CommitteesPage } from './committees.js'
export { AdminIndexPage } from './frame.js'
export { RoutingPage, type RoutingTestResult } from './routing.js'
export { CalendarPage, type CalendarPreview, DeadlinesPage } from './settings.js'
export { membershipWords, RoleChangeLog, RoleChangesPage, UsersPage } from './users.js'
