/** The plugin manager: loaded plugins with their versions, failed ones with their reasons, install from a file. */
package pagelab.app.desktop.plugins;
