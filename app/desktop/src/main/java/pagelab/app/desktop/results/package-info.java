/** Running Check off the event-dispatch thread and showing the results: checks, points, hints and evidence. */
package pagelab.app.desktop.results;
