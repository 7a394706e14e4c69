/** The trace of a run: its kernel calls and faults as steps in time, a filterable table, and the fault explainer. */
package pagelab.app.desktop.trace;
