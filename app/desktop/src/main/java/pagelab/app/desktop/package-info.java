/** The PageLab desktop: startup, the main window, themes and the translated UI strings. */
package pagelab.app.desktop;
