/**
 * The {@code commit-on-fault} exercise (chapter 15): a sparse spreadsheet whose pages are committed by an SEH
 * filter when the program first touches them.
 */
package pagelab.exercises.commitonfault;
