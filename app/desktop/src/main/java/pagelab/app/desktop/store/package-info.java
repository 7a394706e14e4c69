/** The user's data folder: settings, progress and solutions, written atomically so that nothing is ever lost. */
package pagelab.app.desktop.store;
