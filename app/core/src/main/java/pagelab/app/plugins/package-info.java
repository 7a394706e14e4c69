/**
 * Loading exercise plugins with PF4J from the shipped, user and development folders, so that every plugin ends
 * loaded or failed with a reason a person can act on, and one broken plugin never hides the others.
 */
package pagelab.app.plugins;
